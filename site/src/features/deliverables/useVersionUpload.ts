// One new version of a deliverable, from the file picker to a preview: the ticket, the bytes with
// progress (multipart for large files, by the ticket), the completion, then the pipeline's result.
import { useEffect, useState } from 'preact/hooks';
import { call, messageOf } from '../../lib/api.ts';
import { sendWithTicket } from '../uploads/index.ts';
import type { Ids } from './api.ts';

export type VersionUpload =
  | { phase: 'idle' }
  | { phase: 'sending'; name: string; sent: number; size: number }
  | { phase: 'processing'; name: string; version: number }
  | { phase: 'done'; name: string; version: number; failed: string | null }
  | { phase: 'failed'; name: string; message: string };

const POLL_MS = 1000;
const POLL_TIMES = 90;

export function useVersionUpload(ids: Ids, onChanged: () => void) {
  const [state, setState] = useState<VersionUpload>({ phase: 'idle' });
  const busy = state.phase === 'sending' || state.phase === 'processing';
  // Leaving the page would stop the upload: the browser asks first.
  useEffect(() => {
    if (state.phase !== 'sending') return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.phase]);

  const send = async (file: File) => {
    setState({ phase: 'sending', name: file.name, sent: 0, size: file.size });
    try {
      const started = await call('startDeliverableVersion', {
        params: ids,
        body: { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size },
      });
      const sent = await sendWithTicket(file, started.ticket, (n) =>
        setState({ phase: 'sending', name: file.name, sent: n, size: file.size }),
      );
      const params = { ...ids, version: String(started.version) };
      await call('completeDeliverableVersion', { params, body: sent.parts ? { parts: sent.parts } : {} });
      setState({ phase: 'processing', name: file.name, version: started.version });
      onChanged();
      // The preview pipeline runs on the object event: ask until the version is ready or refused.
      for (let i = 0; i < POLL_TIMES; i++) {
        const { deliverable } = await call('getStudioDeliverable', { params: ids });
        const v = deliverable.versions.find((x) => x.version === started.version);
        if (v && (v.status === 'ready' || v.status === 'failed')) {
          setState({ phase: 'done', name: file.name, version: started.version, failed: v.status === 'failed' ? v.failureReason : null });
          onChanged();
          return;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      setState({ phase: 'done', name: file.name, version: started.version, failed: null });
      onChanged();
    } catch (e) {
      setState({ phase: 'failed', name: file.name, message: e instanceof Error && !('code' in e) ? e.message : messageOf(e) });
      onChanged();
    }
  };
  return { state, busy, send };
}
