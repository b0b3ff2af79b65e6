#!/usr/bin/env bash
# DynamoDB Local (local/services/dynamodb.ts) runs on Java 17+. Exits 0 when a working `java` is
# on PATH; otherwise installs a headless JRE when it can (root + apt-get), else says what to do.
set -euo pipefail

if java -version >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Java not found: installing a headless JRE with apt-get (for DynamoDB Local) ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  # openjdk-17 is in Debian 12 / Ubuntu 22.04+; newer releases may only ship the default JRE.
  if ! apt-get install -y --no-install-recommends openjdk-17-jre-headless; then
    apt-get install -y --no-install-recommends default-jre-headless
  fi
  if java -version >/dev/null 2>&1; then
    exit 0
  fi
  echo "A JRE was installed but \`java -version\` still fails; check PATH." >&2
  exit 1
fi

cat >&2 <<'MSG'
Java is required for DynamoDB Local (Portico's local database) but `java -version` failed.
Install a Java 17 (or newer) runtime and make sure `java` is on your PATH, for example:
  Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless   (or default-jre-headless)
  Fedora/RHEL:    sudo dnf install -y java-17-openjdk-headless
  macOS:          brew install openjdk@17   (then follow brew's note to link it)
  Windows:        winget install EclipseAdoptium.Temurin.17.JRE
Then run this script again.
MSG
exit 1
