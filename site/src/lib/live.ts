// Live updates for the page: one WebSocket per page (LIVE_PATH, cookies authenticate it), shared by
// every component that listens. While the socket is not open, each listener's `poll` runs every
// POLL_MS instead, and once more when the socket (re)opens, so nothing is missed in between: the
// listeners catch up by sequence number and drop what they already have. A dropped socket comes
// back with exponential backoff; a `goodbye` (the person was removed) ends it for good.
import { useEffect, useRef } from 'preact/hooks';
import { LIVE_PATH, type LiveEvent, PING_MS } from '../../../shared/features/live/constants.ts';

export type { LiveEvent } from '../../../shared/features/live/constants.ts';

export const POLL_MS = 2000;
const BACKOFF_FIRST_MS = 1000;
const BACKOFF_MAX_MS = 30_000;

export interface LiveListener {
  onEvent: (event: LiveEvent) => void;
  /** Fetch what changed since the last known state (the fallback, and the catch-up on reconnect). */
  poll: () => void;
}

/** What the page's socket is doing (for tests and a status dot). */
export type LiveStatus = 'idle' | 'connecting' | 'open' | 'closed' | 'ended';

const listeners = new Set<LiveListener>();
let pollTimer: ReturnType<typeof setInterval> | undefined;
let pingTimer: ReturnType<typeof setInterval> | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let socket: WebSocket | undefined;
let status: LiveStatus = 'idle';
let failures = 0;

export const liveStatus = (): LiveStatus => status;

const pollAll = () => {
  for (const l of listeners) l.poll();
};

function startPolling(): void {
  if (pollTimer || listeners.size === 0) return;
  pollTimer = setInterval(() => {
    if (document.visibilityState !== 'hidden') pollAll();
  }, POLL_MS);
}

function stopPolling(): void {
  if (pollTimer) clearInterval(pollTimer);
  pollTimer = undefined;
}

function isLiveEvent(value: unknown): value is LiveEvent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function connect(): void {
  if (socket || status === 'ended' || listeners.size === 0 || typeof WebSocket === 'undefined') return;
  status = 'connecting';
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const ws = new WebSocket(`${scheme}://${location.host}${LIVE_PATH}`);
  socket = ws;
  ws.onopen = () => {
    status = 'open';
    failures = 0;
    stopPolling();
    // Catch up on whatever happened while the socket was away.
    pollAll();
    pingTimer = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('{"action":"ping"}'), PING_MS);
  };
  ws.onmessage = (message) => {
    let event: unknown;
    try {
      event = JSON.parse(String(message.data));
    } catch {
      return;
    }
    if (!isLiveEvent(event)) return;
    if (event.type === 'goodbye') status = 'ended';
    for (const l of listeners) l.onEvent(event);
  };
  ws.onclose = () => {
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = undefined;
    socket = undefined;
    if (status !== 'ended') status = 'closed';
    // Ended: the person lost access, so polling would only be refused too.
    if (listeners.size === 0 || status === 'ended') return;
    startPolling();
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** failures) * (0.5 + Math.random() / 2);
    failures++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect();
    }, delay);
  };
}

function disconnect(): void {
  stopPolling();
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = undefined;
  const ws = socket;
  socket = undefined;
  if (ws) {
    ws.onclose = null;
    ws.close();
  }
  if (pingTimer) clearInterval(pingTimer);
  pingTimer = undefined;
  if (status !== 'ended') status = 'idle';
}

export function subscribeLive(listener: LiveListener): () => void {
  listeners.add(listener);
  // Poll until the socket is open (and for good if it never opens).
  if (status !== 'open' && status !== 'ended') startPolling();
  connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) disconnect();
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
