// What the API answers of a deliverable: the studio sees every version, a client only the versions
// sent for review (never drafts) and their threads. Preview files are presigned here.
import { presignGet } from '../../../adapters/storage.ts';
import { paymentLockOf } from '../../invoices/index.ts';
import { clientPerson, type Participant, type PersonKey, type PersonView, userPerson } from '../../people/index.ts';
import type { DeliverableDownloads } from '../../projects/index.ts';
import type { DeliverableItems } from '../data.ts';
import type { CommentRecord, DeliverableRecord, VersionRecord } from '../records.ts';
import type { CommentView, DeliverableDetail, DeliverableSummary, PreviewView, VersionView } from '../schemas.ts';
import { clientMayDownload, clientSees, lockedReason } from './rules.ts';

export type Viewer =
  | { kind: 'studio'; person: PersonKey }
  | { kind: 'client'; person: PersonKey; downloads: DeliverableDownloads; interactive: boolean };

export const studioViewer = (session: { user: { userId: string } }): Viewer => ({
  kind: 'studio',
  person: userPerson(session.user.userId),
});

/** The people a deliverable's threads may mention, as the autocomplete lists them. */
export const peopleView = (people: readonly Participant[]): PersonView[] =>
  people.map((p) => ({ person: p.person, name: p.name, role: p.role, initials: p.initials }));

const url = (key: string | null) => (key ? presignGet(key) : Promise.resolve(null));

async function previewView(v: VersionRecord): Promise<PreviewView | null> {
  const p = v.preview;
  if (!p) return null;
  return {
    kind: p.kind,
    state: p.state,
    reason: p.reason,
    pages: await Promise.all(
      p.pages.map(async (page) => ({ url: (await url(page.key)) as string, width: page.width, height: page.height })),
    ),
    thumbUrl: await url(p.thumbKey),
    posterUrl: await url(p.posterKey),
    // The browser's own player plays the original: there is no transcoded copy.
    videoUrl: p.kind === 'video' && p.playable ? await url(v.file.key) : null,
    playable: p.playable,
    durationSeconds: p.durationSeconds,
    pageCount: p.pageCount,
  };
}

export const mayDownload = (viewer: Viewer, v: VersionRecord): boolean =>
  v.status === 'ready' && (viewer.kind === 'studio' || clientMayDownload(viewer.downloads, v));

async function versionView(v: VersionRecord, items: DeliverableItems, viewer: Viewer): Promise<VersionView> {
  return {
    version: v.version,
    fileName: v.file.fileName,
    contentType: v.file.contentType,
    size: v.file.size,
    status: v.status,
    failureReason: v.failureReason,
    createdAt: v.createdAt,
    sentAt: v.sentAt,
    dueDate: v.dueDate,
    message: v.message,
    result: v.result,
    lockedAt: v.lockedAt,
    preview: await previewView(v),
    reviewers: v.reviewers.map((r) => {
      const d = items.decisions.find((x) => x.version === v.version && x.clientId === r.clientId);
      return { clientId: r.clientId, name: r.name, decision: d?.decision ?? null, note: d?.note ?? null, decidedAt: d?.at ?? null };
    }),
    downloadable: mayDownload(viewer, v),
  };
}

/** The person who wrote a comment. */
export const authorPerson = (c: Pick<CommentRecord, 'author'>): PersonKey =>
  c.author.kind === 'studio' ? userPerson(c.author.id) : clientPerson(c.author.id);

/** A comment as `me` sees it (whether it is theirs decides what they may do with the thread). */
export const commentView = (c: CommentRecord, me: PersonKey): CommentView => ({
  commentId: c.commentId,
  version: c.version,
  parentId: c.parentId,
  pin: c.pin,
  text: c.text,
  author: { kind: c.author.kind, name: c.author.name },
  mine: authorPerson(c) === me,
  mentions: c.mentions ?? [],
  createdAt: c.createdAt,
  resolvedAt: c.resolvedAt,
  resolvedBy: c.resolvedAt ? (c.resolvedBy ?? null) : null,
});

export const summaryView = (d: DeliverableRecord, viewer: Viewer): DeliverableSummary => ({
  deliverableId: d.deliverableId,
  title: d.title,
  description: d.description,
  dueDate: d.dueDate,
  state: d.state,
  latestVersion: viewer.kind === 'studio' ? d.latestVersion : d.sentVersion,
  locked: lockedReason(d) !== null,
  updatedAt: d.updatedAt,
});

export async function detailView(items: DeliverableItems, viewer: Viewer): Promise<DeliverableDetail> {
  const d = items.deliverable as DeliverableRecord;
  const versions = viewer.kind === 'studio' ? items.versions : items.versions.filter(clientSees);
  const shown = new Set(versions.map((v) => v.version));
  return {
    ...summaryView(d, viewer),
    versions: await Promise.all(versions.map((v) => versionView(v, items, viewer))),
    comments: items.comments.filter((c) => shown.has(c.version)).map((c) => commentView(c, viewer.person)),
    interactive: viewer.kind === 'studio' || viewer.interactive,
    paymentLock: await paymentLockOf(d.studioId, d.deliverableId),
  };
}
