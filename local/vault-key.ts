// The local stack's vault master key (shared/adapters/vault.ts reads it through VAULT_KEY_FILE, where
// AWS uses the KMS key of PAYMENTS_KEY_ID): 32 random bytes, base64url, made on the first start in
// the data folder and kept there, so the studios' Stripe secrets sealed locally still open after a
// restart. A throwaway run's data folder is its own temp folder, so each run makes its own key, once.
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const VAULT_KEY_FILE_NAME = 'vault-key';

/** `<dataDir>/vault-key`, made (readable by its owner only) if it is not there yet; returns its path. */
export function ensureLocalVaultKey(dataDir: string): string {
  const file = join(dataDir, VAULT_KEY_FILE_NAME);
  if (existsSync(file)) return file;
  try {
    // 'wx': never overwrite a key already there (two starts at once keep the first one's).
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return file;
}
