// Conversations' limits and thread ids, zod-free: the site imports them too.

/** A project's thread and a client's general thread (the studio and that client, outside any project). */
export type ThreadKind = 'project' | 'general';

export const projectThreadId = (projectId: string) => `project-${projectId}`;
export const generalThreadId = (clientId: string) => `client-${clientId}`;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** On the portal, `general` names the signed-in client's own general thread (the page need not know its id). */
export const OWN_GENERAL_THREAD = 'general';
export const THREAD_ID_PATTERN = new RegExp(`^((project|client)-${UUID}|${OWN_GENERAL_THREAD})$`);

const THREAD_PARTS = new RegExp(`^(project|client)-(${UUID})$`);

/** A thread id's kind and record id; `general` (the portal's own thread) is resolved by the caller. */
export function parseThreadId(threadId: string): { kind: ThreadKind; id: string } | null {
  const m = THREAD_PARTS.exec(threadId);
  if (!m) return null;
  return { kind: m[1] === 'project' ? 'project' : 'general', id: m[2] as string };
}

export const MESSAGE_LIMITS = {
  /** Characters of one message, after trimming. */
  chars: 5000,
  /** Messages one page of the thread holds (older pages load on scroll up). */
  page: 30,
  /** Events one catch-up (`after=`) answers; the page asks again while `more` is true. */
  events: 200,
  /** Minutes the author may edit a message after sending it. */
  editMinutes: 10,
  /** Files one message carries. */
  attachments: 5,
  /** Bytes of one attachment (a single PUT). */
  attachmentBytes: 15 * 1024 * 1024,
} as const;

/** Images shown inline from their presigned link (no SVG: it is a document, offered as a download). */
export const PREVIEWED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const isPreviewedImage = (contentType: string) => (PREVIEWED_TYPES as readonly string[]).includes(contentType.toLowerCase());
