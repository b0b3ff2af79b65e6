// The seal key's custom resource (infra/features/seal-key.ts), behind CDK's provider framework: at
// deploy time it makes the deployment's seal key in its secret, once. A secret that already holds a
// key keeps it (on Update, and on a Create over a secret a previous deploy filled), so no deploy ever
// replaces the key that signed earlier PDFs. The answer names the certificate's fingerprint only:
// CloudFormation shows a custom resource's data, and the key must never be in it.
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import type { StoredSealKey } from '../../shared/adapters/seal-key.ts';
import { getSecretString, putSecretString } from '../../shared/adapters/secrets.ts';
import { createSealKey } from '../../shared/features/releases/pdf/key.ts';
import { logger } from '../../shared/logger.ts';

/** What the provider framework expects back from onEvent. */
export interface SealKeyResponse {
  PhysicalResourceId: string;
  Data?: { Fingerprint256: string };
}

export interface SealKeyStore {
  read(secretId: string): Promise<string | undefined>;
  write(secretId: string, value: string): Promise<void>;
}

const secretsManager: SealKeyStore = {
  read: (secretId) => getSecretString(secretId, 'AWSCURRENT'),
  write: (secretId, value) => putSecretString(secretId, value),
};

/** The stored key, if `text` is one (CloudFormation's placeholder, or anything else, is not). */
export function parseSealKey(text: string | undefined): StoredSealKey | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<StoredSealKey> | null;
    const fields = [value?.p12Base64, value?.passphrase, value?.certificatePem, value?.fingerprint256];
    return fields.every((f) => typeof f === 'string' && f.length > 0) ? (value as StoredSealKey) : undefined;
  } catch {
    return undefined;
  }
}

/** The custom resource's work, with the secret store and the key maker given (the tests use their own). */
export async function provideSealKey(
  event: CloudFormationCustomResourceEvent,
  store: SealKeyStore = secretsManager,
  makeKey: (commonName: string) => StoredSealKey = createSealKey,
): Promise<SealKeyResponse> {
  const secretId = String(event.ResourceProperties.SecretId ?? '');
  // Deleting the resource leaves the secret and its key: the secret is retained with the stack's data.
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  if (!secretId) throw new Error('The seal key resource names no SecretId');

  let key = parseSealKey(await store.read(secretId));
  if (key) {
    logger.info('The seal key secret already holds a key; kept', { fingerprint256: key.fingerprint256 });
  } else {
    key = makeKey(String(event.ResourceProperties.CommonName ?? 'Portico seal'));
    await store.write(secretId, JSON.stringify(key));
    logger.info('Seal key generated', { fingerprint256: key.fingerprint256 });
  }
  return { PhysicalResourceId: secretId, Data: { Fingerprint256: key.fingerprint256 } };
}

export const handler = (event: CloudFormationCustomResourceEvent): Promise<SealKeyResponse> => provideSealKey(event);
