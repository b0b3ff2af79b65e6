// Reviewing: a client contact sees the versions sent to them and decides (their comments and the
// studio's are threads.ts). A decision is one transaction conditional on the deliverable's revision:
// two reviewers at once both land, one after the other, and a decision that meets a new version is
// refused as not the latest.
import { conflict, notAllowed, notFound } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import type { Client } from '../../clients/index.ts';
import { assertPaidFor } from '../../invoices/index.ts';
import { notify } from '../../notifications/index.ts';
import { clientPerson, projectParticipants, userPerson } from '../../people/index.ts';
import { studioHas } from '../../plans/index.ts';
import { activityPut, newActivity, type Project, projectForClient } from '../../projects/index.ts';
import { getStudioUser, type Studio } from '../../studios/index.ts';
import { DECISION_LABELS } from '../constants.ts';
import {
  decisionPut,
  deliverablePut,
  queryProjectDeliverables,
  requestDeletes,
  type TransactItem,
  versionDecided,
  writeItems,
} from '../data.ts';
import type { DecisionRecord, DeliverableRecord, VersionRecord } from '../records.ts';
import type { DecisionBody } from '../schemas.ts';
import { announce } from './announce.ts';
import { downloadUrl, loadItems, pendingOf, refuse, retrying, versionOf } from './deliverables.ts';
import { mailDecision, portalDeliverablePath, studioDeliverablePath } from './emails.ts';
import { clientSees, decisionRefusal, locksVersion, roundResult } from './rules.ts';
import { detailView, mayDownload, peopleView, summaryView, type Viewer } from './views.ts';

type ClientSession = { studio: Studio; client: Client };

const clientViewer = (project: Project, { studio, client }: ClientSession): Viewer => ({
  kind: 'client',
  person: clientPerson(client.clientId),
  downloads: project.deliverableDownloads ?? 'approved',
  interactive: studioHas(studio, 'deliverableApprovals'),
});

export async function listClientDeliverables(session: ClientSession, projectId: string) {
  const project = await projectForClient(session, projectId);
  const found = await queryProjectDeliverables(projectId);
  return found
    .filter((d) => d.studioId === session.studio.studioId && d.sentVersion > 0)
    .map((d) => summaryView(d, clientViewer(project, session)));
}

/** A deliverable as its client sees it; one that was never sent is "not found". */
export async function clientItems(session: ClientSession, projectId: string, deliverableId: string, consistent = false) {
  const project = await projectForClient(session, projectId);
  const items = await loadItems(session.studio.studioId, projectId, deliverableId, consistent);
  if (items.deliverable.sentVersion === 0) throw notFound('No such deliverable.');
  return { project, items };
}

/** A version a client may see: one sent for review. */
export function clientVersion(items: Parameters<typeof versionOf>[0], version: number): VersionRecord {
  const v = versionOf(items, version);
  if (!clientSees(v)) throw notFound('No such version of this deliverable.');
  return v;
}

/** A deliverable as its client sees it, with the people its threads may mention. */
export async function getClientDeliverable(session: ClientSession, projectId: string, deliverableId: string) {
  const { project, items } = await clientItems(session, projectId, deliverableId);
  const [deliverable, people] = await Promise.all([detailView(items, clientViewer(project, session)), projectParticipants(project)]);
  return { deliverable, people: peopleView(people) };
}

export async function clientDownload(session: ClientSession, projectId: string, deliverableId: string, version: number) {
  const { project, items } = await clientItems(session, projectId, deliverableId);
  const v = clientVersion(items, version);
  const rule = project.deliverableDownloads ?? 'approved';
  if (v.status !== 'ready') throw refuse('not_ready');
  if (!mayDownload(clientViewer(project, session), v)) {
    // The project's rule: no downloads at all is a permission; "not yet approved" is the version's state.
    if (rule === 'none') throw notAllowed('downloads_off', 'The studio delivers these files another way: they cannot be downloaded here.');
    throw conflict('not_approved', 'This file can be downloaded once it is approved.');
  }
  await assertPaidFor(project.studioId, deliverableId, 'final files');
  return downloadUrl(v);
}

const ACTIVITY = {
  approved: { kind: 'deliverable_approved', text: 'approved' },
  approved_with_changes: { kind: 'deliverable_approved_with_changes', text: 'approved with changes' },
  changes_requested: { kind: 'changes_requested', text: 'changes requested' },
} as const;

/**
 * A reviewer's decision on a version. The round closes when everyone decided or anyone requested
 * changes; an approval locks the version and the deliverable; the project lead gets an email.
 */
export async function decide(session: ClientSession, projectId: string, deliverableId: string, version: number, body: DecisionBody) {
  const { client, studio } = session;
  const project = await projectForClient(session, projectId);
  const outcome = await retrying(async () => {
    const { items } = await clientItems(session, projectId, deliverableId, true);
    const d = items.deliverable;
    const v = clientVersion(items, version);
    const refusal = decisionRefusal(d, v, client.clientId);
    if (refusal) throw refuse(refusal);
    const now = new Date().toISOString();
    const decided = { ...v.decided, [client.clientId]: body.decision };
    const result = roundResult(
      v.reviewers.map((r) => r.clientId),
      decided,
    );
    const closing = result ? { result, lockedAt: locksVersion(result) ? now : null } : null;
    const record: DecisionRecord = {
      deliverableId,
      projectId,
      version,
      clientId: client.clientId,
      name: client.name,
      decision: body.decision,
      note: body.note || null,
      at: now,
    };
    const next: DeliverableRecord = {
      ...d,
      state: result ?? d.state,
      lockedAt: result === 'approved' ? now : d.lockedAt,
      updatedAt: now,
      revision: d.revision + 1,
    };
    // Everyone still pending loses their request when the round closes early (changes requested).
    const leaving = result ? pendingOf(v) : [client.clientId];
    const writes: TransactItem[] = [
      deliverablePut(next, d.revision),
      decisionPut(record),
      versionDecided(v, client.clientId, body.decision, closing),
      ...leaving.flatMap((clientId) => requestDeletes({ ...d, clientId }, v.dueDate)),
      ...(result
        ? [activityPut(newActivity(projectId, ACTIVITY[result].kind, `${d.title} v${version} ${ACTIVITY[result].text}`, now))]
        : []),
    ];
    const round: VersionRecord = { ...v, decided, ...(closing ?? {}) };
    const value = {
      ...items,
      deliverable: next,
      versions: items.versions.map((x) => (x.version === version ? round : x)),
      decisions: [...items.decisions, record],
    };
    return { refused: await writeItems(writes), value };
  });
  const lead = await getStudioUser(project.leadId).catch((error) => {
    logger.error('The project lead could not be read for the decision mail', { error });
    return null;
  });
  if (lead && lead.studioId === studio.studioId)
    await mailDecision(
      studio,
      lead,
      { projectId, projectTitle: project.title, deliverableId, title: outcome.deliverable.title, version },
      client.name,
      body.decision,
      body.note || null,
    );
  await announce(studio.studioId, await projectParticipants(project), deliverableId);
  // A note for the project's team (the lead's email above stays the only email).
  await notify({
    studioId: studio.studioId,
    kind: 'deliverableDecided',
    projectId,
    projectTitle: project.title,
    title: `${client.name}: ${DECISION_LABELS[body.decision].toLowerCase()} on ${outcome.deliverable.title} v${version}`,
    link: { studio: studioDeliverablePath(projectId, deliverableId), client: portalDeliverablePath(projectId, deliverableId) },
    actor: clientPerson(client.clientId),
    recipients: project.team.map((t) => userPerson(t.userId)),
  });
  return detailView(outcome, clientViewer(project, session));
}
