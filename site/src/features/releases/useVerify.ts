// The verify page's work: a file is fingerprinted on this device (SHA-256) and searched for the seal
// id Portico writes into what it seals; only the fingerprint and the id are sent.
import { useRef, useState } from 'preact/hooks';
import type { Verification } from '../../../../shared/features/releases/schemas.ts';
import { call, messageOf } from '../../lib/api.ts';
import { findSealId, pastedHash, sha256Hex } from './verify.ts';

export type VerifyState =
  | { state: 'idle' }
  | { state: 'working'; what: string }
  | { state: 'done'; verification: Verification; hash: string; fileName: string | null }
  | { state: 'failed'; message: string };

export function useVerify() {
  const [view, setView] = useState<VerifyState>({ state: 'idle' });
  const running = useRef(false);

  const check = async (what: string, work: () => Promise<{ hash: string; sealId?: string; fileName: string | null }>) => {
    if (running.current) return;
    running.current = true;
    setView({ state: 'working', what });
    try {
      const { hash, sealId, fileName } = await work();
      const { verification } = await call('verifyDocument', { body: { hash, ...(sealId ? { sealId } : {}) } });
      setView({ state: 'done', verification, hash, fileName });
    } catch (e) {
      setView({ state: 'failed', message: e instanceof Error && !('status' in e) ? e.message : messageOf(e) });
    } finally {
      running.current = false;
    }
  };

  return {
    view,
    checkFile: (file: File) =>
      check(`Checking ${file.name}…`, async () => {
        if (typeof crypto === 'undefined' || !crypto.subtle)
          throw new Error('This browser cannot fingerprint files here. Paste the fingerprint instead.');
        const bytes = await file.arrayBuffer();
        return { hash: await sha256Hex(bytes), sealId: findSealId(bytes), fileName: file.name };
      }),
    checkHash: (value: string): string | undefined => {
      const hash = pastedHash(value);
      if (!hash) return 'Paste a SHA-256 fingerprint: 64 characters, 0–9 and a–f.';
      void check('Checking the fingerprint…', async () => ({ hash, fileName: null }));
      return undefined;
    },
  };
}
