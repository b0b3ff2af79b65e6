// The page's side of live updates (site/src/lib/live.ts) against a fake WebSocket: one socket per
// page, polling only while it is not open plus one catch-up poll on every (re)open, reconnects with
// growing waits, pings, and a goodbye that ends it for good.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PING_MS } from '../../../shared/features/live/constants.ts';

class FakeSocket {
  static readonly OPEN = 1;
  static all: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(data: string) {
    this.onmessage?.({ data });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

type Live = typeof import('../../../site/src/lib/live.ts');
let live: Live;
const last = () => FakeSocket.all.at(-1) as FakeSocket;

beforeEach(async () => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('location', { protocol: 'https:', host: 'fern.portico.example' });
  vi.stubGlobal('document', { visibilityState: 'visible' });
  vi.resetModules();
  live = await import('../../../site/src/lib/live.ts');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const listener = () => ({ onEvent: vi.fn(), poll: vi.fn() });

describe('the page socket', () => {
  it('opens one socket for every listener, on the page host, polling until it opens and once after', () => {
    const a = listener();
    const b = listener();
    const stopA = live.subscribeLive(a);
    const stopB = live.subscribeLive(b);
    expect(FakeSocket.all.map((s) => s.url)).toEqual(['wss://fern.portico.example/ws']);
    expect(live.liveStatus()).toBe('connecting');
    vi.advanceTimersByTime(live.POLL_MS);
    expect([a.poll.mock.calls.length, b.poll.mock.calls.length]).toEqual([1, 1]);
    last().open();
    expect(live.liveStatus()).toBe('open');
    expect([a.poll.mock.calls.length, b.poll.mock.calls.length]).toEqual([2, 2]); // the catch-up
    vi.advanceTimersByTime(10 * live.POLL_MS);
    expect([a.poll.mock.calls.length, b.poll.mock.calls.length]).toEqual([2, 2]); // no polling while open
    stopA();
    stopB();
  });

  it('hands events to every listener and ignores garbage', () => {
    const a = listener();
    const stop = live.subscribeLive(a);
    last().open();
    last().receive('{"type":"changed","topic":"inbox"}');
    last().receive('not json');
    last().receive('42');
    last().receive('{"no":"type"}');
    expect(a.onEvent.mock.calls).toEqual([[{ type: 'changed', topic: 'inbox' }]]);
    stop();
  });

  it('polls while dropped and reconnects with growing waits, catching up on each open', () => {
    const a = listener();
    const stop = live.subscribeLive(a);
    last().open();
    a.poll.mockClear();
    last().drop();
    expect(live.liveStatus()).toBe('closed');
    vi.advanceTimersByTime(live.POLL_MS);
    expect(a.poll).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.all).toHaveLength(2);
    last().drop(); // the retry fails too: the next wait is longer (1 s, then up to 2 s)
    const before = FakeSocket.all.length;
    vi.advanceTimersByTime(900);
    expect(FakeSocket.all).toHaveLength(before);
    vi.advanceTimersByTime(1200);
    expect(FakeSocket.all).toHaveLength(before + 1);
    a.poll.mockClear();
    last().open();
    expect(a.poll).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5 * live.POLL_MS);
    expect(a.poll).toHaveBeenCalledTimes(1);
    stop();
  });

  it('pings every few minutes so API Gateway keeps an idle socket', () => {
    const stop = live.subscribeLive(listener());
    last().open();
    vi.advanceTimersByTime(PING_MS * 2 + 1);
    expect(last().sent).toEqual(['{"action":"ping"}', '{"action":"ping"}']);
    expect(PING_MS).toBeLessThan(10 * 60 * 1000);
    stop();
  });

  it('stops for good after a goodbye: no reconnect, no polling', () => {
    const a = listener();
    const stop = live.subscribeLive(a);
    last().open();
    last().receive('{"type":"goodbye","reason":"removed_from_team"}');
    expect(a.onEvent).toHaveBeenCalledWith({ type: 'goodbye', reason: 'removed_from_team' });
    a.poll.mockClear();
    last().drop();
    vi.advanceTimersByTime(120_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(a.poll).not.toHaveBeenCalled();
    expect(live.liveStatus()).toBe('ended');
    stop();
  });

  it('closes the socket and its timers when the last listener leaves', () => {
    const a = listener();
    const stop = live.subscribeLive(a);
    last().open();
    stop();
    expect(last().readyState).toBe(3);
    expect(live.liveStatus()).toBe('idle');
    vi.advanceTimersByTime(PING_MS * 3);
    expect(last().sent).toEqual([]);
    expect(FakeSocket.all).toHaveLength(1);
  });
});
