// A feedback list that stays current: loaded once, then fetched again quietly (no spinner) when a
// live event names the project's feedback topic, or when the live hook has to catch up.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ATTACHMENT_LIMITS } from '../../../../shared/features/feedback/constants.ts';
import { topics } from '../../../../shared/features/live/constants.ts';
import { call, messageOf } from '../../lib/api.ts';
import { useLive } from '../../lib/live.ts';
import { sendWithTicket } from '../uploads/index.ts';

export type LiveLoad<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: unknown };

export function useLiveFeedback<T>(load: () => Promise<T>, projectId: string | null): LiveLoad<T> & { refresh: () => void } {
  const [result, setResult] = useState<LiveLoad<T>>({ state: 'loading' });
  const latest = useRef(load);
  latest.current = load;
  const inFlight = useRef(false);
  const refresh = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    latest
      .current()
      .then(
        (data) => setResult({ state: 'ready', data }),
        (error: unknown) => setResult((r) => (r.state === 'ready' ? r : { state: 'failed', error })),
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, []);
  useEffect(refresh, []);
  useLive((event) => {
    if (event.type === 'changed' && (projectId === null || event.topic === topics.projectFeedback(projectId))) refresh();
  }, refresh);
  return { ...result, refresh };
}

export interface Attached {
  attachmentId: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** Files being attached to a feedback draft: each gets its ticket and is sent before the feedback is. */
export function useAttachments(projectId: string) {
  const [files, setFiles] = useState<Attached[]>([]);
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState('');
  const add = async (list: FileList | null) => {
    setError('');
    for (const file of Array.from(list ?? [])) {
      if (files.length + 1 > ATTACHMENT_LIMITS.perFeedback) {
        setError(`Attach at most ${ATTACHMENT_LIMITS.perFeedback} files.`);
        break;
      }
      if (file.size > ATTACHMENT_LIMITS.maxBytes) {
        setError(`${file.name} is larger than ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB.`);
        continue;
      }
      setBusy((n) => n + 1);
      try {
        const started = await call('startFeedbackAttachment', {
          params: { projectId },
          body: { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size },
        });
        await sendWithTicket(file, { put: started.ticket.put, multipart: null }, () => undefined);
        setFiles((f) => [...f, started.attachment]);
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };
  const remove = (id: string) => setFiles((f) => f.filter((a) => a.attachmentId !== id));
  return { files, busy: busy > 0, error, add, remove, clear: () => setFiles([]) };
}
