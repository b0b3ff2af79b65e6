// The local stack's seal key (shared/adapters/seal-key.ts reads it through SEAL_KEY_FILE): made on
// the first start in the data folder and kept there, so the PDFs sealed locally keep one seal
// across restarts, as a deployment's do. A throwaway run's data folder is its own temp folder, so
// each run (the test suite's included) makes its own key, once.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSealKey } from '../shared/features/releases/pdf/key.ts';

export const SEAL_KEY_FILE_NAME = 'seal-key.json';

/** `<dataDir>/seal-key.json`, made (readable by its owner only) if it is not there yet; returns its path. */
export function ensureLocalSealKey(dataDir: string): string {
  const file = join(dataDir, SEAL_KEY_FILE_NAME);
  if (existsSync(file)) return file;
  try {
    // 'wx': never overwrite a key already there (two starts at once keep the first one's).
    writeFileSync(file, JSON.stringify(createSealKey('Portico local seal')), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return file;
}
