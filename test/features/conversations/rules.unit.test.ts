// Conversations' pure rules, table-driven: the edit window, who may delete, thread ids, and where
// the read receipts go.
import { describe, expect, it } from 'vitest';
import { isPreviewedImage, parseThreadId } from '../../../shared/features/conversations/constants.ts';
import { type Caller, caughtUpTo, editableUntil, editRefusal, mayDelete } from '../../../shared/features/conversations/domain/rules.ts';
import type { Message } from '../../../shared/features/conversations/schemas.ts';
import { receiptsBySeq, seenLine } from '../../../site/src/features/conversations/receipts.ts';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const ava: Caller = { person: 'user:ava', moderator: false };
const admin: Caller = { person: 'user:admin', moderator: true };
const jo: Caller = { person: 'client:jo', moderator: false };
const msg = (author: string, minutes: number, deleted = false) => ({
  author: author as Caller['person'],
  createdAt: ago(minutes),
  deletedAt: deleted ? ago(0) : null,
});

describe('editing a message', () => {
  it.each([
    ['the author, just sent', msg('user:ava', 0), ava, null],
    ['the author, 9 minutes on', msg('user:ava', 9), ava, null],
    ['the author, 10 minutes on', msg('user:ava', 10), ava, 'edit_window_passed'],
    ['the author, deleted', msg('user:ava', 1, true), ava, 'deleted'],
    ['someone else', msg('user:ava', 1), jo, 'not_author'],
    ['an admin, not the author', msg('user:ava', 1), admin, 'not_author'],
  ])('%s → %s', (_, m, caller, refusal) => {
    expect(editRefusal(m, caller, NOW)).toBe(refusal);
    expect(editableUntil(m, caller, NOW) === null).toBe(refusal !== null);
  });
});

describe('deleting a message', () => {
  it.each([
    ['the author', msg('client:jo', 60), jo, true],
    ['another person', msg('client:jo', 1), ava, false],
    ['a studio admin or owner', msg('client:jo', 60), admin, true],
    ['anyone, once deleted', msg('client:jo', 1, true), admin, false],
  ])('%s → %s', (_, m, caller, may) => expect(mayDelete(m, caller)).toBe(may));
});

describe('thread ids', () => {
  const id = '0b6a4c1e-3f1d-4b8e-9a5f-2d7c8e9f0a1b';
  it.each([
    [`project-${id}`, { kind: 'project', id }],
    [`client-${id}`, { kind: 'general', id }],
    ['general', null],
    [`gallery-${id}`, null],
    [`project-${id}x`, null],
    ['project-', null],
  ])('%s → %j', (text, parsed) => expect(parseThreadId(text)).toEqual(parsed));

  it.each([
    ['image/png', true],
    ['image/JPEG', true],
    ['image/svg+xml', false],
    ['application/pdf', false],
  ])('%s is shown inline: %s', (type, shown) => expect(isPreviewedImage(type)).toBe(shown));
});

describe('read receipts', () => {
  const m = (seq: number, author: string) => ({ seq, author: { person: author, name: author, initials: 'X' } }) as Message;
  const c = (person: string, seq: number, name = person) => ({ person, name, initials: 'X', seq, at: '2026-12-02T14:02:00Z' });
  const messages = [m(1, 'client:jo'), m(2, 'user:ava'), m(4, 'client:jo'), m(6, 'user:leo')];

  it.each([
    ['under the last message seen', [c('user:ava', 4)], { 4: ['user:ava'] }],
    ['past a seen event, on the message before it', [c('user:ava', 5)], { 4: ['user:ava'] }],
    ['never on the own message: the one before it', [c('user:leo', 6)], { 4: ['user:leo'] }],
    ['not mine', [c('client:jo', 6)], {}],
    ['two people, one message', [c('user:ava', 4), c('user:leo', 5)], { 4: ['user:ava', 'user:leo'] }],
    ['nothing seen yet', [c('user:ava', 0)], {}],
  ])('%s', (_, cursors, expected) => {
    const got = Object.fromEntries([...receiptsBySeq(messages, cursors, 'client:jo')].map(([seq, cs]) => [seq, cs.map((x) => x.person)]));
    expect(got).toEqual(expected);
  });

  it('says who and when, by first name', () => {
    expect(seenLine([c('user:ava', 4, 'Ava Lindqvist'), c('user:leo', 4, 'Leo Park')])).toMatch(/^Seen by Ava, Leo at \d{1,2}:\d{2}/);
  });
});

describe('catching up without skipping a write in flight', () => {
  const e = (seq: number, secondsAgo: number) => ({ seq, at: new Date(NOW - secondsAgo * 1000).toISOString() });
  it.each([
    ['nothing new', 5, [], 5],
    ['every number in a row', 5, [e(6, 1), e(7, 1)], 7],
    ['a young hole waits (its write may still land)', 5, [e(6, 1), e(8, 1)], 6],
    ['an old hole is passed (its write failed)', 5, [e(6, 60), e(8, 30), e(9, 1)], 9],
    ['a young hole at the start', 5, [e(7, 2)], 5],
    ['events already held are ignored', 5, [e(4, 1), e(5, 1), e(6, 1)], 6],
  ])('%s', (_, after, events, upTo) => expect(caughtUpTo(after, events, NOW)).toBe(upTo));
});
