// The Files tab's state: the tab as the API answers it (reloaded while a preview is being made),
// and one upload at a time with its progress.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type Sent, sendWithTicket, type Ticket } from '../uploads/index.ts';

interface WithVersions {
  files: { versions: { status: string }[] }[];
}

/** How often, and how many times, the tab asks again while a version is still being processed. */
const POLL_MS = 2500;
const POLL_TIMES = 40;

type TabLoad<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: unknown };

/**
 * Loads the tab; `reload()` asks again while the last answer stays on screen (no flash of a
 * spinner, no lost upload message), and it asks again by itself every few seconds while a version
 * is being processed.
 */
export function useFilesTab<T extends WithVersions>(load: () => Promise<T>): TabLoad<T> & { reload: () => void } {
  const [result, setResult] = useState<TabLoad<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const polls = useRef(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setResult({ state: 'ready', data }),
      // A failed refresh keeps what is shown; only a first load shows the failure.
      (error: unknown) => live && setResult((before) => (before.state === 'ready' ? before : { state: 'failed', error })),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const waiting = result.state === 'ready' && result.data.files.some((f) => f.versions.some((v) => v.status === 'processing'));
  useEffect(() => {
    if (!waiting || polls.current >= POLL_TIMES) return;
    const timer = setTimeout(() => {
      polls.current++;
      reload();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, result]);
  return { ...result, reload };
}

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; name: string; sent: number; size: number }
  | { phase: 'finishing'; name: string }
  | { phase: 'done'; name: string }
  | { phase: 'failed'; name: string; message: string };

/**
 * One file up: `start` asks the API for the ticket, the bytes go to the bucket with progress, then
 * `complete` tells the API. Failures become the state's message.
 */
export function useUpload() {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const busy = state.phase === 'sending' || state.phase === 'finishing';
  // Leaving the page would stop the upload: the browser asks first.
  useEffect(() => {
    if (!busy) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  const send = async (
    file: File,
    start: () => Promise<{ ticket: Ticket; version: number; file: { fileId: string } }>,
    complete: (fileId: string, version: number, sent: Sent) => Promise<unknown>,
    messageOf: (e: unknown) => string,
  ): Promise<boolean> => {
    setState({ phase: 'sending', name: file.name, sent: 0, size: file.size });
    try {
      const started = await start();
      const sent = await sendWithTicket(file, started.ticket, (n) =>
        setState({ phase: 'sending', name: file.name, sent: n, size: file.size }),
      );
      setState({ phase: 'finishing', name: file.name });
      await complete(started.file.fileId, started.version, sent);
      setState({ phase: 'done', name: file.name });
      return true;
    } catch (e) {
      setState({ phase: 'failed', name: file.name, message: e instanceof Error && !('code' in e) ? e.message : messageOf(e) });
      return false;
    }
  };
  return { state, busy, send, reset: () => setState({ phase: 'idle' }) };
}

/** The type a browser gives a file, or the generic one it gives none. */
export const typeOf = (file: File) => file.type || 'application/octet-stream';
