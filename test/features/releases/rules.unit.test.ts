// Releases' pure rules and the hash chain, table-driven: states, turns, what a signer may do, and
// which link of a tampered chain the check names.
import { describe, expect, it } from 'vitest';
import { GENESIS, hashEvent, link, verifyChain } from '../../../shared/features/releases/domain/chain.ts';
import { afterSignature, assertSignable, isTurnOf, viewState } from '../../../shared/features/releases/domain/rules.ts';
import type { AuditRecord, ReleaseRecord, SignerRecord, StoredState } from '../../../shared/features/releases/records.ts';
import { outcome } from '../../support/outcome.ts';

const signer = (id: string, state: SignerRecord['state'] = 'pending'): SignerRecord => ({
  signerId: id,
  slot: id,
  name: `Signer ${id}`,
  email: `${id}@example.com`,
  clientId: null,
  state,
  sentAt: null,
  openedAt: null,
  viewedAt: null,
  consentVersion: null,
  consentAt: null,
  signedAt: null,
  declinedAt: null,
  declineReason: null,
  presence: null,
  linkHash: null,
});

const release = (over: Partial<ReleaseRecord> = {}): ReleaseRecord =>
  ({
    releaseId: 'r1',
    studioId: 's1',
    title: 'Model release',
    kind: 'release',
    state: 'sent',
    order: 'parallel',
    signers: [signer('1'), signer('2')],
    countersigner: null,
    deadline: null,
    document: { key: 'k', hash: 'h'.repeat(64), pageCount: 1, spots: [], pages: null },
    head: { seq: 0, hash: GENESIS },
    ...over,
  }) as ReleaseRecord;

describe('what a release reads as', () => {
  it.each<[StoredState, string | null, string]>([
    ['sent', null, 'sent'],
    ['sent', '2026-12-01', 'expired'],
    ['viewed', '2026-12-02', 'viewed'],
    ['partly_signed', '2026-11-30', 'expired'],
    ['awaiting_countersign', '2026-11-30', 'expired'],
    ['sealing', null, 'partly_signed'],
    ['completed', '2026-11-30', 'completed'],
    ['voided', null, 'voided'],
    ['declined', '2026-11-30', 'declined'],
  ])('%s with deadline %s on 2026-12-02 reads %s', (state, deadline, expected) => {
    expect(viewState({ state, deadline }, '2026-12-02')).toBe(expected);
  });
});

describe('whose turn it is', () => {
  it.each<[string, 'parallel' | 'sequential', SignerRecord['state'][], string, boolean]>([
    ['anyone in parallel', 'parallel', ['pending', 'pending'], '2', true],
    ['the first in order', 'sequential', ['pending', 'waiting'], '1', true],
    ['not the second before the first signed', 'sequential', ['viewed', 'waiting'], '2', false],
    ['the second once the first signed', 'sequential', ['signed', 'pending'], '2', true],
  ])('%s', (_, order, states, who, expected) => {
    const r = release({ order, signers: states.map((s, i) => signer(String(i + 1), s)) });
    expect(isTurnOf(r, r.signers.find((s) => s.signerId === who) as SignerRecord)).toBe(expected);
  });
});

describe('what a signer may do', () => {
  it.each<[string, Partial<ReleaseRecord>, SignerRecord['state'], string]>([
    ['sign a sent release', {}, 'pending', 'allowed'],
    ['not a voided one', { state: 'voided' }, 'pending', 'release_voided'],
    ['not a declined one', { state: 'declined' }, 'pending', 'release_declined'],
    ['not twice', { state: 'partly_signed' }, 'signed', 'already_signed'],
    ['not after declining', {}, 'declined', 'already_declined'],
    ['not past the deadline', { deadline: '2026-12-01' }, 'pending', 'release_expired'],
    ['not a completed one', { state: 'completed' }, 'pending', 'not_signable'],
    ['not out of turn', { order: 'sequential', signers: [signer('1'), signer('2', 'waiting')] }, 'waiting', 'not_your_turn'],
  ])('%s', (_, over, state, expected) => {
    const r = release(over);
    const me = { ...(r.signers[1] as SignerRecord), state };
    expect(outcome(() => assertSignable({ ...r, signers: [r.signers[0] as SignerRecord, me] }, me, '2026-12-02'))).toBe(expected);
  });

  it('moves on after a signature: the next in order, the countersigner, or the seal', () => {
    expect(afterSignature(release({ signers: [signer('1', 'signed'), signer('2')] })).state).toBe('partly_signed');
    const inOrder = afterSignature(release({ order: 'sequential', signers: [signer('1', 'signed'), signer('2', 'waiting')] }));
    expect(inOrder.nowDue.map((s) => s.signerId)).toEqual(['2']);
    const countersign = { userId: 'u', name: 'Lead', email: 'l@example.com', signedAt: null, consentVersion: null, presence: null };
    expect(afterSignature(release({ signers: [signer('1', 'signed')], countersigner: countersign })).state).toBe('awaiting_countersign');
    expect(afterSignature(release({ signers: [signer('1', 'signed')] })).state).toBe('sealing');
  });
});

describe('the audit chain', () => {
  const at = '2026-12-02T10:00:00.000Z';
  const base = (type: AuditRecord['type'], detail: string | null = null) => ({
    releaseId: 'r1',
    type,
    at,
    actor: { kind: 'user' as const, id: 'u1', name: 'Ava', email: 'ava@example.com' },
    auth: 'studio_session' as const,
    ip: '10.0.0.1',
    userAgent: 'Test',
    documentHash: 'h'.repeat(64),
    detail,
  });
  const chain = link({ seq: 0, hash: GENESIS }, [base('created'), base('sent'), base('opened'), base('signed', 'Typed signature "Ava"')]);
  const head = { seq: 4, hash: (chain[3] as AuditRecord).hash };

  it('links each event to the one before and holds when untouched', () => {
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(chain[0]?.prevHash).toBe(GENESIS);
    expect(chain[2]?.prevHash).toBe(chain[1]?.hash);
    const { hash, ...rest } = chain[1] as AuditRecord;
    expect(hashEvent(rest)).toBe(hash);
    expect(verifyChain('r1', chain, head)).toMatchObject({ intact: true, events: 4, brokenAt: null });
  });

  const at2 = (i: number) => chain[i] as AuditRecord;
  it.each<[string, AuditRecord[], number]>([
    ['an altered detail', [at2(0), at2(1), at2(2), { ...at2(3), detail: 'Typed signature "Eve"' }], 4],
    ['an altered time', [at2(0), { ...at2(1), at: '2026-12-01T10:00:00.000Z' }, at2(2), at2(3)], 2],
    ['a deleted record', [at2(0), at2(2), at2(3)], 2],
    ['the last record cut off', [at2(0), at2(1), at2(2)], 4],
    ['two records swapped, numbers and all', [at2(0), { ...at2(2), seq: 2 }, { ...at2(1), seq: 3 }, at2(3)], 2],
    [
      'a record inserted and the numbers shifted',
      [at2(0), { ...at2(1), seq: 2, detail: 'forged' }, { ...at2(1), seq: 3 }, { ...at2(2), seq: 4 }, { ...at2(3), seq: 5 }],
      2,
    ],
    ['a record of another release', [at2(0), { ...at2(1), releaseId: 'r2' }, at2(2), at2(3)], 2],
  ])('names the first broken link for %s', (_, events, seq) => {
    const check = verifyChain('r1', events, head);
    expect(check.intact).toBe(false);
    expect(check.brokenAt?.seq).toBe(seq);
  });
});
