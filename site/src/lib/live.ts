// Live updates for the page: one WebSocket per page (LIVE_PATH, cookies authenticate it), shared by
// every component that listens. While the socket is not open, each listener's `poll` runs every
// POLL_MS instead, and once more when the socket (re)opens, so nothing is missed in between: the
// listeners catch up by sequence number and drop what they already have.
// CONTRACT (issue 12): the live-socket work implements the socket; the hook's signature stays.
import { useEffect, useRef } from 'preact/hooks';
import type { LiveEvent } from '../../../shared/features/live/constants.ts';

export type { LiveEvent } from '../../../shared/features/live/constants.ts';

export const POLL_MS = 2000;

export interface LiveListener {
  onEvent: (event: LiveEvent) => void;
  /** Fetch what changed since the last known state (the fallback, and the catch-up on reconnect). */
  poll: () => void;
}

const listeners = new Set<LiveListener>();
let timer: ReturnType<typeof setInterval> | undefined;

function ensurePolling(): void {
  if (timer || listeners.size === 0) return;
  timer = setInterval(() => {
    if (document.visibilityState === 'hidden') return;
    for (const l of listeners) l.poll();
  }, POLL_MS);
}

export function subscribeLive(listener: LiveListener): () => void {
  listeners.add(listener);
  ensurePolling();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Calls `onEvent` for live events and `poll` when it has to catch up; the latest callbacks are used. */
export function useLive(onEvent: (event: LiveEvent) => void, poll: () => void): void {
  const latest = useRef({ onEvent, poll });
  latest.current = { onEvent, poll };
  useEffect(
    () =>
      subscribeLive({
        onEvent: (e) => latest.current.onEvent(e),
        poll: () => latest.current.poll(),
      }),
    [],
  );
}
