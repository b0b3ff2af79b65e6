// Deliverables' pure rules, table-driven: a round's result, what a state allows, downloads, reminders.
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../shared/features/deliverables/constants.ts';
import {
  clientMayDownload,
  decisionRefusal,
  dueForReminder,
  lockedReason,
  reminderDays,
  roundResult,
  sendRefusal,
  worstDecision,
} from '../../../shared/features/deliverables/domain/rules.ts';
import type { DeliverableRecord, VersionRecord } from '../../../shared/features/deliverables/records.ts';
// The one check of an upload against its ticket, shared with gallery uploads.
import { ticketMismatch } from '../../../shared/features/uploads/domain/rules.ts';

const A = 'ana';
const B = 'ben';

describe('a round', () => {
  it.each<[string, string[], Record<string, Decision>, string | null]>([
    ['open while nobody decided', [A, B], {}, null],
    ['open while one approved and one is pending', [A, B], { [A]: 'approve' }, null],
    ['open while one approved with changes and one is pending', [A, B], { [A]: 'approve_with_changes' }, null],
    ['closed at once when anyone requests changes', [A, B], { [A]: 'request_changes' }, 'changes_requested'],
    ['approved when everyone approved', [A, B], { [A]: 'approve', [B]: 'approve' }, 'approved'],
    ['the worst decision over all', [A, B], { [A]: 'approve', [B]: 'approve_with_changes' }, 'approved_with_changes'],
    ['request changes beats both others', [A, B], { [A]: 'approve_with_changes', [B]: 'request_changes' }, 'changes_requested'],
    ['one reviewer decides alone', [A], { [A]: 'approve' }, 'approved'],
    ['decisions of non-reviewers do not count', [A], { [B]: 'request_changes' }, null],
  ])('is %s', (_, reviewers, decided, expected) => {
    expect(roundResult(reviewers, decided)).toBe(expected);
  });

  it('takes the worst decision', () => {
    expect(worstDecision([])).toBeNull();
    expect(worstDecision(['approve', 'request_changes', 'approve_with_changes'])).toBe('request_changes');
    expect(worstDecision(['approve', 'approve_with_changes'])).toBe('approve_with_changes');
  });
});

const deliverable = (over: Partial<DeliverableRecord> = {}): DeliverableRecord => ({
  deliverableId: 'd1',
  projectId: 'p1',
  studioId: 's1',
  title: 'Logo',
  description: '',
  dueDate: null,
  state: 'in_review',
  latestVersion: 2,
  sentVersion: 2,
  lockedAt: null,
  createdAt: '',
  updatedAt: '',
  revision: 3,
  ...over,
});
const version = (over: Partial<VersionRecord> = {}): VersionRecord => ({
  deliverableId: 'd1',
  projectId: 'p1',
  studioId: 's1',
  version: 2,
  file: { key: 'k', fileName: 'a.pdf', contentType: 'application/pdf', size: 1 },
  multipartUploadId: null,
  status: 'ready',
  failureReason: null,
  preview: null,
  createdAt: '',
  sentAt: '2026-01-01T00:00:00.000Z',
  dueDate: null,
  message: null,
  reviewers: [{ clientId: A, name: 'Ana' }],
  decided: {},
  result: null,
  lockedAt: null,
  ...over,
});

describe('a decision', () => {
  it.each<[string, Partial<DeliverableRecord>, Partial<VersionRecord>, string, string | null]>([
    ['is taken on the latest version in review', {}, {}, A, null],
    ['is refused on an older version', {}, { version: 1 }, A, 'not_latest'],
    ['is refused twice', {}, { decided: { [A]: 'approve' } }, A, 'already_decided'],
    ['is refused on a version not sent', { state: 'draft' }, { sentAt: null }, A, 'not_in_review'],
    ['is refused once the round closed', { state: 'changes_requested' }, { result: 'changes_requested' }, A, 'not_in_review'],
    ['is refused from someone not reviewing', {}, {}, B, 'not_a_reviewer'],
  ])('%s', (_, d, v, who, expected) => {
    expect(decisionRefusal(deliverable(d), version(v), who)).toBe(expected);
  });
});

describe('sending a version', () => {
  it.each<[string, Partial<DeliverableRecord>, Partial<VersionRecord>, string | null]>([
    ['goes for the latest ready version', { state: 'changes_requested' }, { sentAt: null }, null],
    ['is refused when approved', { state: 'approved' }, { sentAt: null }, 'locked'],
    ['is refused for an older version', { state: 'draft' }, { version: 1, sentAt: null }, 'not_latest'],
    ['is refused twice', {}, {}, 'already_sent'],
    ['is refused while uploading', { state: 'draft' }, { sentAt: null, status: 'uploading' }, 'not_ready'],
    ['is refused for a failed upload', { state: 'draft' }, { sentAt: null, status: 'failed' }, 'not_ready'],
  ])('%s', (_, d, v, expected) => {
    expect(sendRefusal(deliverable(d), version(v))).toBe(expected);
  });

  it('locks only an approved deliverable', () => {
    expect(lockedReason({ state: 'approved' })).toBe('locked');
    for (const state of ['draft', 'in_review', 'changes_requested', 'approved_with_changes'] as const)
      expect(lockedReason({ state })).toBeNull();
  });
});

describe('client downloads', () => {
  it.each<[string, 'approved' | 'any' | 'none', Partial<VersionRecord>, boolean]>([
    ['approved rule: an approved version', 'approved', { result: 'approved' }, true],
    ['approved rule: approved with changes', 'approved', { result: 'approved_with_changes' }, true],
    ['approved rule: in review', 'approved', {}, false],
    ['approved rule: changes requested', 'approved', { result: 'changes_requested' }, false],
    ['any rule: in review', 'any', {}, true],
    ['any rule: never a draft', 'any', { sentAt: null }, false],
    ['none rule: not even approved', 'none', { result: 'approved' }, false],
  ])('%s', (_, rule, v, expected) => {
    expect(clientMayDownload(rule, version(v))).toBe(expected);
  });
});

describe('reminders', () => {
  it('read 14 days back through tomorrow', () => {
    const days = reminderDays('2026-03-01', 14);
    expect(days).toHaveLength(16);
    expect(days[0]).toBe('2026-02-15');
    expect(days.at(-1)).toBe('2026-03-02');
  });
  it.each<[string | null, boolean]>([
    ['2026-03-02', true],
    ['2026-03-01', true],
    ['2026-02-20', true],
    ['2026-03-03', false],
    [null, false],
  ])('due %s → %s', (due, expected) => {
    expect(dueForReminder(due, '2026-03-01')).toBe(expected);
  });
});

describe('ticket', () => {
  it('holds the stored file to its size and type', () => {
    expect(ticketMismatch({ size: 3, contentType: 'application/pdf' }, { size: 3, contentType: 'application/pdf' })).toBeNull();
    expect(ticketMismatch({ size: 3, contentType: 'application/pdf' }, { size: 4, contentType: 'application/pdf' })).toMatch(/size/);
    expect(ticketMismatch({ size: 3, contentType: 'application/pdf' }, { size: 3, contentType: 'text/html' })).toMatch(/type/);
  });
});
