// Deliverables' pure rules: a round's result, what a deliverable's state allows, who may download.
// No I/O: the use cases and the site's controls read the same answers.
import type { DeliverableDownloads } from '../../projects/index.ts';
import type { Decision, DeliverableState, RoundResult } from '../constants.ts';
import type { DeliverableRecord, VersionRecord } from '../records.ts';

/** Worst first: any "request changes" wins, then "approve with changes", then "approve". */
const SEVERITY: Record<Decision, number> = { request_changes: 3, approve_with_changes: 2, approve: 1 };
const RESULT_OF: Record<Decision, Exclude<RoundResult, 'superseded'>> = {
  request_changes: 'changes_requested',
  approve_with_changes: 'approved_with_changes',
  approve: 'approved',
};

/** The worst of some decisions, or null for none. */
export function worstDecision(decisions: readonly Decision[]): Decision | null {
  return decisions.reduce<Decision | null>((worst, d) => (worst === null || SEVERITY[d] > SEVERITY[worst] ? d : worst), null);
}

/**
 * A round's result once it is decided, or null while it stays open. It closes when every reviewer
 * has decided (the worst decision wins), or as soon as anyone requests changes: that outcome can no
 * longer change, and the studio can start on the next version without waiting for the others.
 */
export function roundResult(
  reviewerIds: readonly string[],
  decided: Readonly<Record<string, Decision>>,
): Exclude<RoundResult, 'superseded'> | null {
  const decisions = reviewerIds.flatMap((id) => (decided[id] ? [decided[id]] : []));
  const worst = worstDecision(decisions);
  if (worst === null) return null;
  if (worst === 'request_changes' || decisions.length === reviewerIds.length) return RESULT_OF[worst];
  return null;
}

/** The deliverable's state after a round's result. */
export const stateAfter = (result: Exclude<RoundResult, 'superseded'>): DeliverableState => result;

/** Whether a version's result locks it: an approval, with or without changes, is final for that version. */
export const locksVersion = (result: RoundResult | null): boolean => result === 'approved' || result === 'approved_with_changes';

/** Why a deliverable may not change (edit, delete, new version), or null. Approved is locked for good. */
export const lockedReason = (d: Pick<DeliverableRecord, 'state'>): 'locked' | null => (d.state === 'approved' ? 'locked' : null);

/** Why a version may not be sent for review, or null. */
export function sendRefusal(d: DeliverableRecord, v: VersionRecord): 'locked' | 'not_latest' | 'not_ready' | 'already_sent' | null {
  if (lockedReason(d)) return 'locked';
  if (v.version !== d.latestVersion) return 'not_latest';
  if (v.sentAt) return 'already_sent';
  if (v.status !== 'ready') return 'not_ready';
  return null;
}

/**
 * Why a reviewer's decision on a version is refused, or null. A decision is tied to the version it
 * was made on: only the latest version, only while its round is open, only by one of its
 * reviewers, and once.
 */
export function decisionRefusal(
  d: DeliverableRecord,
  v: VersionRecord,
  clientId: string,
): 'not_latest' | 'not_in_review' | 'not_a_reviewer' | 'already_decided' | null {
  if (v.version !== d.latestVersion) return 'not_latest';
  if (v.decided[clientId]) return 'already_decided';
  if (!v.sentAt || v.result !== null || d.state !== 'in_review') return 'not_in_review';
  if (!v.reviewers.some((r) => r.clientId === clientId)) return 'not_a_reviewer';
  return null;
}

/** Why comments on a version may not be added or changed: a locked version keeps its thread as it was. */
export const commentRefusal = (v: Pick<VersionRecord, 'lockedAt'>): 'locked' | null => (v.lockedAt ? 'locked' : null);

/** Whether a client sees a version at all: only versions sent for review, never drafts. */
export const clientSees = (v: Pick<VersionRecord, 'sentAt'>): boolean => v.sentAt !== null;

/**
 * Whether a client may download a version's file, by the project's rule: 'approved' only approved
 * versions (with or without changes), 'any' every version sent to them, 'none' never.
 */
export function clientMayDownload(rule: DeliverableDownloads, v: Pick<VersionRecord, 'sentAt' | 'result'>): boolean {
  if (!clientSees(v)) return false;
  if (rule === 'any') return true;
  if (rule === 'approved') return locksVersion(v.result);
  return false;
}

/** The days (YYYY-MM-DD, UTC) whose due requests the digest of `today` reads: the lookback through tomorrow. */
export function reminderDays(today: string, lookbackDays: number): string[] {
  const base = Date.parse(`${today}T00:00:00.000Z`);
  return Array.from({ length: lookbackDays + 2 }, (_, i) => new Date(base + (i - lookbackDays) * 86_400_000).toISOString().slice(0, 10));
}

/** Whether a request due on `dueDate` is in the digest of `today`: due tomorrow, today, or past. */
export const dueForReminder = (dueDate: string | null, today: string): boolean => {
  if (!dueDate) return false;
  const tomorrow = new Date(Date.parse(`${today}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
  return dueDate <= tomorrow;
};
