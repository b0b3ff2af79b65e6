// What travels over the live socket, zod-free so the site imports the same shapes. Every event a
// page can act on: a thread's own events carry the thread's sequence number, so a page that missed
// some (a dropped socket) asks the thread for everything after the last one it has.

export type LiveEvent =
  /** Something new in a conversation thread (message created/edited/deleted, read receipt). */
  | { type: 'thread'; threadId: string; seq: number; kind: 'message' | 'edited' | 'deleted' | 'seen' }
  /** The recipient's unread notification count changed. */
  | { type: 'notifications'; unread: number }
  /** Something a page shows changed (a deliverable's comments or decision, a gallery's comments, feedback): refetch it. */
  | { type: 'changed'; topic: string }
  /** The server closes this socket (the person was removed); do not reconnect. */
  | { type: 'goodbye'; reason: string };

/** Topics of `changed` events: one builder each, so publisher and page agree. */
export const topics = {
  deliverable: (deliverableId: string) => `deliverable:${deliverableId}`,
  galleryComments: (galleryId: string) => `gallery-comments:${galleryId}`,
  projectFeedback: (projectId: string) => `feedback:${projectId}`,
  inbox: () => 'inbox',
} as const;

/** A connection's record outlives API Gateway's two-hour limit on a connection by a little. */
export const CONNECTION_TTL_SECONDS = 2 * 60 * 60 + 10 * 60;

/** The page pings this often: API Gateway closes a socket idle for 10 minutes. */
export const PING_MS = 4 * 60 * 1000;

/** The answer to a page's `{"action":"ping"}` (not a LiveEvent: no listener sees it). */
export const PONG = { type: 'pong' } as const;

/** Where the page opens its socket (CloudFront routes it to the WebSocket API in AWS). */
export const LIVE_PATH = '/ws';
