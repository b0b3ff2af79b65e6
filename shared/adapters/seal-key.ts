// The deployment's seal key: the X.509 certificate and private key that sign every completed
// release's PDF. In AWS it is a Secrets Manager secret generated at deploy time (infra, never in the
// repository); locally a file in the data folder that the local stack makes on first start. It is
// read only by the functions holding the 'seal:key' grant, and no route ever returns it.
import { readFile } from 'node:fs/promises';
import { config } from '../config.ts';
import { getSecretString } from './secrets.ts';

/** The secret's (or the file's) JSON. */
export interface StoredSealKey {
  p12Base64: string;
  passphrase: string;
  certificatePem: string;
  fingerprint256: string;
}

let cached: Promise<StoredSealKey> | undefined;

async function load(): Promise<StoredSealKey> {
  const secretId = config.sealKeySecretId;
  const file = config.sealKeyFile;
  const text = secretId ? await getSecretString(secretId, 'AWSCURRENT') : file ? await readFile(file, 'utf8') : undefined;
  if (!text) throw new Error('No seal key: set SEAL_KEY_SECRET_ID (AWS) or SEAL_KEY_FILE (local stack)');
  const key = JSON.parse(text) as StoredSealKey;
  if (!key.p12Base64 || !key.passphrase) throw new Error('The seal key holds no PKCS#12 and passphrase');
  return key;
}

/** The seal key, read once per container (a failed read is tried again next time). */
export function sealKey(): Promise<StoredSealKey> {
  cached ??= load().catch((e) => {
    cached = undefined;
    throw e;
  });
  return cached;
}
