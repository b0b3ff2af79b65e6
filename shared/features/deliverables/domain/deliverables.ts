// The studio's deliverables: create, edit, delete, upload versions, send a version for review.
// Every write is one transaction conditional on the deliverable's revision it read; a write that
// meets another (a decision, a second tab) reads again and lets the rules decide anew.
import { randomUUID } from 'node:crypto';
import { presignGet } from '../../../adapters/storage.ts';
import { limits } from '../../../config.ts';
import { objects } from '../../../data/objects.ts';
import { consume } from '../../../data/rate-limit.ts';
import { conflict, invalid, notFound } from '../../../errors.ts';
import { type Client, getClient } from '../../clients/index.ts';
import { notify } from '../../notifications/index.ts';
import { clientPerson, projectParticipants, userPerson } from '../../people/index.ts';
import { activityPut, newActivity, type Project, projectForStudio } from '../../projects/index.ts';
import type { Studio, StudioUser } from '../../studios/index.ts';
import { bytesLimit, cleanFileName, finishObjectUpload, objectTicket } from '../../uploads/index.ts';
import { DELIVERABLE_LIMITS } from '../constants.ts';
import {
  type DeliverableItems,
  deleteItems,
  deleteObjectsUnder,
  deliverableDelete,
  deliverablePut,
  queryDeliverable,
  queryProjectDeliverables,
  requestDeletes,
  requestPuts,
  type TransactItem,
  versionPut,
  versionSet,
  writeItems,
} from '../data.ts';
import type { DeliverableRecord, ReviewRequestRecord, VersionRecord } from '../records.ts';
import type { CreateDeliverableBody, SendVersionBody, StartVersionBody, UpdateDeliverableBody } from '../schemas.ts';
import { mailReviewRequest, portalDeliverablePath, studioDeliverablePath } from './emails.ts';
import { lockedReason, sendRefusal } from './rules.ts';
import { detailView, peopleView, studioViewer, summaryView } from './views.ts';

type StudioSession = { studio: Studio; user: StudioUser };

/** Attempts of a write that met another one in flight before it says "changed, reload". */
export const WRITE_ATTEMPTS = 5;

export const REFUSALS = {
  locked: 'This deliverable is approved and locked: it cannot change any more.',
  not_latest: 'A newer version of this deliverable exists: this one can no longer be decided or sent.',
  not_ready: 'This version is not ready yet: wait for its upload and preview to finish.',
  already_sent: 'This version was already sent for review.',
  not_in_review: 'This version is not open for review.',
  not_a_reviewer: 'You are not one of the reviewers of this version.',
  already_decided: 'You already decided on this version.',
} as const;

export const refuse = (code: keyof typeof REFUSALS) => conflict(code, REFUSALS[code]);
const changed = () => conflict('changed', 'This deliverable was changed by someone else a moment ago. Reload it and try again.');

/** The deliverable (and all of it) of a project the session may work on; another's is "not found". */
export async function loadItems(
  studioId: string,
  projectId: string,
  deliverableId: string,
  consistent = false,
): Promise<DeliverableItems & { deliverable: DeliverableRecord }> {
  const items = await queryDeliverable(projectId, deliverableId, consistent);
  if (!items.deliverable || items.deliverable.studioId !== studioId) throw notFound('No such deliverable.');
  return items as DeliverableItems & { deliverable: DeliverableRecord };
}

export function versionOf(items: DeliverableItems, version: number): VersionRecord {
  const v = items.versions.find((x) => x.version === version);
  if (!v) throw notFound('No such version of this deliverable.');
  return v;
}

/** Runs a read-decide-write until it lands; the rules refuse inside `attempt`. */
export async function retrying<T>(attempt: () => Promise<{ refused: string[] | null; value: T }>): Promise<T> {
  for (let i = 0; i < WRITE_ATTEMPTS; i++) {
    const { refused, value } = await attempt();
    if (!refused) return value;
  }
  throw changed();
}

/** Who of a round has not decided yet. */
export const pendingOf = (v: VersionRecord): string[] => v.reviewers.map((r) => r.clientId).filter((id) => !v.decided[id]);

/** The review request of one reviewer of a version's open round. */
export const requestOf = (project: Project, d: DeliverableRecord, v: VersionRecord, clientId: string): ReviewRequestRecord => ({
  studioId: d.studioId,
  projectId: d.projectId,
  projectTitle: project.title,
  deliverableId: d.deliverableId,
  title: d.title,
  version: v.version,
  dueDate: v.dueDate,
  sentAt: v.sentAt as string,
  clientId,
});

export async function listDeliverables(session: StudioSession, projectId: string) {
  await projectForStudio(session, projectId);
  const found = await queryProjectDeliverables(projectId);
  return found.filter((d) => d.studioId === session.studio.studioId).map((d) => summaryView(d, studioViewer(session)));
}

export async function createDeliverable(session: StudioSession, projectId: string, body: CreateDeliverableBody) {
  const project = await projectForStudio(session, projectId);
  const existing = await queryProjectDeliverables(projectId);
  if (existing.length >= DELIVERABLE_LIMITS.perProject)
    throw invalid('too_many_deliverables', `A project has at most ${DELIVERABLE_LIMITS.perProject} deliverables.`);
  const now = new Date().toISOString();
  const d: DeliverableRecord = {
    deliverableId: randomUUID(),
    projectId: project.projectId,
    studioId: session.studio.studioId,
    title: body.title,
    description: body.description ?? '',
    dueDate: body.dueDate ?? null,
    state: 'draft',
    latestVersion: 0,
    sentVersion: 0,
    lockedAt: null,
    createdAt: now,
    updatedAt: now,
    revision: 1,
  };
  if (await writeItems([deliverablePut(d, null)])) throw changed();
  return detailView({ deliverable: d, versions: [], decisions: [], comments: [] }, studioViewer(session));
}

/** A deliverable with the people its threads may mention. */
export async function getStudioDeliverable(session: StudioSession, projectId: string, deliverableId: string) {
  const project = await projectForStudio(session, projectId);
  const [items, people] = await Promise.all([loadItems(session.studio.studioId, projectId, deliverableId), projectParticipants(project)]);
  return { deliverable: await detailView(items, studioViewer(session)), people: peopleView(people) };
}

export async function updateDeliverable(session: StudioSession, projectId: string, deliverableId: string, body: UpdateDeliverableBody) {
  const project = await projectForStudio(session, projectId);
  const items = await retrying(async () => {
    const items = await loadItems(session.studio.studioId, projectId, deliverableId, true);
    const d = items.deliverable;
    if (lockedReason(d)) throw refuse('locked');
    const now = new Date().toISOString();
    const next: DeliverableRecord = {
      ...d,
      ...(body.title !== undefined && { title: body.title }),
      ...(body.description !== undefined && { description: body.description }),
      ...(body.dueDate !== undefined && { dueDate: body.dueDate }),
      updatedAt: now,
      revision: d.revision + 1,
    };
    const writes: TransactItem[] = [deliverablePut(next, d.revision)];
    // An open round's requests carry the title and due date: they follow the change.
    const open = d.state === 'in_review' ? items.versions.find((v) => v.version === d.latestVersion) : undefined;
    let versions = items.versions;
    if (open) {
      const round = { ...open, dueDate: body.dueDate !== undefined ? body.dueDate : open.dueDate };
      if (round.dueDate !== open.dueDate) writes.push(versionSet(open, { dueDate: round.dueDate }));
      for (const clientId of pendingOf(open)) {
        if (open.dueDate && open.dueDate !== round.dueDate) writes.push(...requestDeletes({ ...d, clientId }, open.dueDate).slice(1));
        writes.push(...requestPuts(requestOf(project, next, round, clientId)));
      }
      versions = items.versions.map((v) => (v.version === round.version ? round : v));
    }
    return { refused: await writeItems(writes), value: { ...items, deliverable: next, versions } };
  });
  return detailView(items, studioViewer(session));
}

export async function deleteDeliverable(session: StudioSession, projectId: string, deliverableId: string): Promise<void> {
  await projectForStudio(session, projectId);
  const items = await retrying(async () => {
    const items = await loadItems(session.studio.studioId, projectId, deliverableId, true);
    const d = items.deliverable;
    if (lockedReason(d)) throw refuse('locked');
    const open = d.state === 'in_review' ? items.versions.find((v) => v.version === d.latestVersion) : undefined;
    const writes = [
      deliverableDelete(d, d.revision),
      ...(open ? pendingOf(open).flatMap((clientId) => requestDeletes({ ...d, clientId }, open.dueDate)) : []),
    ];
    return { refused: await writeItems(writes), value: items };
  });
  // The deliverable is gone for every reader; its items and files follow (a retry of a failure
  // here finds nothing to delete: the objects expire with the bucket's lifecycle at worst).
  const { studioId } = session.studio;
  await deleteItems(projectId, deliverableId);
  await deleteObjectsUnder(
    items.versions.flatMap((v) => [
      objects.deliverableUpload(studioId, projectId, deliverableId, v.version),
      objects.previewPrefix(studioId, projectId, deliverableId, v.version),
    ]),
  );
}

/**
 * A new version's upload ticket. Refused once the deliverable is approved; a round still open on
 * the previous version closes as superseded (its review requests go), so a decision can never land
 * on a version that is not the latest.
 */
export async function startVersion(session: StudioSession, projectId: string, deliverableId: string, body: StartVersionBody) {
  await projectForStudio(session, projectId);
  const max = limits.deliverableMaxBytes;
  if (body.size > max)
    throw invalid('file_too_large', `A deliverable's file is at most ${Math.floor(max / 1024 ** 2)} MB.`, { size: ['is over the limit'] });
  const { studioId } = session.studio;
  const probe = await loadItems(studioId, projectId, deliverableId, true);
  if (lockedReason(probe.deliverable)) throw refuse('locked');
  await consume(bytesLimit(), studioId, Date.now(), Math.max(1, body.size));
  return retrying(async () => {
    const items = await loadItems(studioId, projectId, deliverableId, true);
    const d = items.deliverable;
    if (lockedReason(d)) throw refuse('locked');
    const n = d.latestVersion + 1;
    if (n > DELIVERABLE_LIMITS.versions) throw invalid('too_many_versions', 'This deliverable has as many versions as it may.');
    const key = objects.deliverableUpload(studioId, projectId, deliverableId, n);
    const ticket = await objectTicket(key, body.contentType, body.size);
    const now = new Date().toISOString();
    const v: VersionRecord = {
      deliverableId,
      projectId,
      studioId,
      version: n,
      file: { key, fileName: cleanFileName(body.fileName), contentType: body.contentType, size: body.size },
      multipartUploadId: ticket.multipart?.uploadId ?? null,
      status: 'uploading',
      failureReason: null,
      preview: null,
      createdAt: now,
      sentAt: null,
      dueDate: null,
      message: null,
      reviewers: [],
      decided: {},
      result: null,
      lockedAt: null,
    };
    const open = d.state === 'in_review' ? items.versions.find((x) => x.version === d.latestVersion) : undefined;
    const next: DeliverableRecord = { ...d, latestVersion: n, state: open ? 'draft' : d.state, updatedAt: now, revision: d.revision + 1 };
    const writes: TransactItem[] = [deliverablePut(next, d.revision), versionPut(v)];
    if (open) {
      writes.push(versionSet(open, { result: 'superseded' }));
      for (const clientId of pendingOf(open)) writes.push(...requestDeletes({ ...d, clientId }, open.dueDate));
    }
    return { refused: await writeItems(writes), value: { version: n, ticket } };
  });
}

/** A version's upload arrived: completes a multipart upload; the pipeline takes it from there. */
export async function completeVersion(
  session: StudioSession,
  projectId: string,
  deliverableId: string,
  version: number,
  parts: Array<{ partNumber: number; etag: string }> | undefined,
) {
  await projectForStudio(session, projectId);
  const items = await loadItems(session.studio.studioId, projectId, deliverableId, true);
  const v = versionOf(items, version);
  if (v.status === 'uploading') {
    const { stored, refused } = await finishObjectUpload(v.file.key, v.multipartUploadId, parts);
    if (refused) throw invalid('upload_incomplete', `The upload could not be completed: ${refused}`, { parts: [refused] });
    if (!stored) throw invalid('upload_incomplete', 'The file has not arrived yet.');
  }
  return detailView(await loadItems(session.studio.studioId, projectId, deliverableId, true), studioViewer(session));
}

/** Sends the latest version for review: each reviewer gets a request and an email with the link. */
export async function sendVersion(
  session: StudioSession,
  projectId: string,
  deliverableId: string,
  version: number,
  body: SendVersionBody,
) {
  const project = await projectForStudio(session, projectId);
  const reviewerIds = [...new Set(body.reviewerIds ?? project.contactIds)];
  if (reviewerIds.some((id) => !project.contactIds.includes(id)))
    throw invalid('not_a_contact', 'Reviewers must be contacts of this project.', {
      reviewerIds: ['names someone who is not a contact of this project'],
    });
  const clients = (await Promise.all(reviewerIds.map((id) => getClient(session.studio.studioId, id)))).filter(
    (c): c is Client => c !== null,
  );
  if (!clients.length) throw invalid('not_a_contact', 'This project has no contact to review it.', { reviewerIds: ['no reviewer left'] });
  const sent = await retrying(async () => {
    const items = await loadItems(session.studio.studioId, projectId, deliverableId, true);
    const d = items.deliverable;
    const v = versionOf(items, version);
    const refusal = sendRefusal(d, v);
    if (refusal) throw refuse(refusal);
    const now = new Date().toISOString();
    const dueDate = body.dueDate !== undefined ? body.dueDate : d.dueDate;
    const round: VersionRecord = {
      ...v,
      sentAt: now,
      dueDate,
      message: body.message || null,
      reviewers: clients.map((c) => ({ clientId: c.clientId, name: c.name })),
      decided: {},
      result: null,
    };
    const next: DeliverableRecord = { ...d, state: 'in_review', sentVersion: version, dueDate, updatedAt: now, revision: d.revision + 1 };
    const writes: TransactItem[] = [
      deliverablePut(next, d.revision),
      versionSet(v, { sentAt: round.sentAt, dueDate, message: round.message, reviewers: round.reviewers, decided: {}, result: null }),
      ...clients.flatMap((c) => requestPuts(requestOf(project, next, round, c.clientId))),
      activityPut(newActivity(projectId, 'deliverable_sent', `${d.title} v${version} sent for review`, now)),
    ];
    const value = { ...items, deliverable: next, versions: items.versions.map((x) => (x.version === version ? round : x)) };
    return { refused: await writeItems(writes), value: { items: value, round, next } };
  });
  await Promise.all(
    clients.map((c) =>
      mailReviewRequest(session.studio, c, {
        projectId,
        projectTitle: project.title,
        deliverableId,
        title: sent.next.title,
        version,
        dueDate: sent.round.dueDate,
        message: sent.round.message,
      }),
    ),
  );
  // A note for every contact (the reviewers' email above is the only email: notes never double it).
  await notify({
    studioId: session.studio.studioId,
    kind: 'deliverableReady',
    projectId,
    projectTitle: project.title,
    title: `${sent.next.title} v${version} is ready for review`,
    link: { studio: studioDeliverablePath(projectId, deliverableId), client: portalDeliverablePath(projectId, deliverableId) },
    actor: userPerson(session.user.userId),
    recipients: project.contactIds.map(clientPerson),
  });
  return detailView(sent.items, studioViewer(session));
}

/** A presigned download of a version's file, under its own name. */
export async function downloadUrl(v: VersionRecord): Promise<{ url: string; fileName: string }> {
  return { url: await presignGet(v.file.key, { expiresIn: 900, downloadName: v.file.fileName }), fileName: v.file.fileName };
}

export async function studioDownload(session: StudioSession, projectId: string, deliverableId: string, version: number) {
  await projectForStudio(session, projectId);
  const v = versionOf(await loadItems(session.studio.studioId, projectId, deliverableId), version);
  if (v.status !== 'ready') throw refuse('not_ready');
  return downloadUrl(v);
}
