// The Files tab's state: the tab as the API answers it (reloaded while a preview is being made),
// and one upload at a time with its progress.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLoad } from '../../lib/hooks.ts';
import { type Sent, sendWithTicket, type Ticket } from '../uploads/index.ts';

interface WithVersions {
  files: { versions: { status: string }[] }[];
}

/** How often, and how many times, the tab asks again while a version is still being processed. */
const POLL_MS = 2500;
const POLL_TIMES = 40;

/** Loads the tab, and asks again every few seconds while any version is uploading or processing. */
export function useFilesTab<T extends WithVersions>(load: () => Promise<T>) {
  const tab = useLoad(load);
  const polls = useRef(0);
  const waiting = tab.state === 'ready' && tab.data.files.some((f) => f.versions.some((v) => v.status === 'processing'));
  useEffect(() => {
    if (!waiting || polls.current >= POLL_TIMES) return;
    const timer = setTimeout(() => {
      polls.current++;
      tab.reload();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, tab.state === 'ready' ? tab.data : null]);
  return tab;
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
