// Who may create a studio is the deployer's choice (SIGNUP_MODE, CDK context portico:signUpMode):
// closed (only the operator, `npm run create-studio`; the default), invite (an operator's
// single-use code) or open (anyone). A Portico of this file's own, in this process, so the mode
// can change between requests (config reads it on every call). The shared stack runs `open`.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../../local/services/ports.ts';
import { type PorticoStack, startPorticoStack } from '../../../local/stack.ts';
import { createStudioByOperator, issueSignUpCode } from '../../../shared/features/auth/domain/studio-auth.ts';
import { findStudioBySlugForTest } from '../../support/fixtures.ts';
import { Browser, DASHBOARD, mailbox, portal, signUpAndSignIn } from '../../support/http.ts';
import { storedState } from '../../support/snapshot.ts';

vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
});

const PASSWORD = 'Sign-up-modes-2026';
const tag = () => randomUUID().slice(0, 8);
const studioBody = () => {
  const t = tag();
  return { studioName: `Mode Studio ${t}`, slug: `mode-${t}`, name: 'Mo Owner', email: `mode-${t}@example.com`, password: PASSWORD };
};

let stack: PorticoStack;
const browser = () => new Browser(stack.port);
const mails = () => mailbox(stack.port);
const setMode = (mode: string | undefined) => {
  if (mode === undefined) delete process.env.SIGNUP_MODE;
  else process.env.SIGNUP_MODE = mode;
};

beforeAll(async () => {
  stack = await startPorticoStack({ port: await freePort() });
}, 120_000);

afterAll(async () => {
  setMode('open');
  await stack?.stop();
}, 60_000);

describe('sign-up modes', () => {
  it('closed (the default when unset): 20 sign-ups back to back are each refused with 403 signup_closed, creating and mailing nothing', async () => {
    for (const mode of ['closed', undefined]) {
      setMode(mode);
      const before = await storedState();
      const mailsBefore = (await mails()).length;
      const bodies = Array.from({ length: mode ? 20 : 2 }, studioBody);
      for (const body of bodies) {
        const answer = await browser().post(DASHBOARD, '/api/studio/signup', body);
        expect(answer.status, answer.text).toBe(403);
        expect(answer.body.error).toBe('signup_closed');
        expect(answer.body.message).toMatch(/closed.*operator/i);
      }
      expect(await storedState()).toEqual(before);
      expect((await mails()).length).toBe(mailsBefore);
      expect((await browser().get(portal(bodies[0]?.slug ?? ''), '/api/portal')).status).toBe(404);
    }
  });

  it('closed: the operator still creates studios (the domain function the admin command calls), with a verified owner', async () => {
    setMode('closed');
    const body = studioBody();
    expect(await createStudioByOperator(body)).toBe(true);
    expect((await browser().post(DASHBOARD, '/api/studio/session', { email: body.email, password: PASSWORD })).status).toBe(200);
    const studio = await findStudioBySlugForTest(body.slug);
    expect(studio.emailVerifiedAt).toEqual(expect.any(String));
  });

  it('a verified studio has no hourly cap, only the daily one (INVITES_PER_DAY), answered 429 with Retry-After', async () => {
    setMode('closed');
    const body = studioBody();
    expect(await createStudioByOperator(body)).toBe(true);
    const owner = browser();
    expect((await owner.post(DASHBOARD, '/api/studio/session', { email: body.email, password: PASSWORD })).status).toBe(200);
    process.env.INVITES_PER_HOUR_UNVERIFIED = '1';
    process.env.INVITES_PER_DAY = '3';
    try {
      const statuses: number[] = [];
      let retryAfter = 0;
      for (let i = 0; i < 5; i++) {
        const answer = await owner.post(DASHBOARD, '/api/studio/clients', { email: `daily-${i}-${tag()}@example.com`, name: `Daily ${i}` });
        statuses.push(answer.status);
        if (answer.status === 429) retryAfter = Number(answer.headers['retry-after']);
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(86_400);
    } finally {
      delete process.env.INVITES_PER_HOUR_UNVERIFIED;
      delete process.env.INVITES_PER_DAY;
    }
  });

  it('invite: a sign-up needs an operator code, which opens exactly one studio', async () => {
    setMode('invite');
    const without = await browser().post(DASHBOARD, '/api/studio/signup', studioBody());
    expect(without.status).toBe(403);
    expect(without.body.error).toBe('signup_invite_required');
    const forged = await browser().post(DASHBOARD, '/api/studio/signup', { ...studioBody(), inviteCode: 'A'.repeat(24) });
    expect(forged.status).toBe(403);
    const malformed = await browser().post(DASHBOARD, '/api/studio/signup', { ...studioBody(), inviteCode: 'short' });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.fields)).toEqual(['inviteCode']);

    const { code } = await issueSignUpCode();
    const first = studioBody();
    expect((await signUpAndSignIn(browser(), { ...first, inviteCode: code } as typeof first)).status).toBe(200);
    const again = await browser().post(DASHBOARD, '/api/studio/signup', { ...studioBody(), inviteCode: code });
    expect(again.status).toBe(403);
    expect(again.body.error).toBe('signup_invite_required');
    // A signed-up studio is not verified: it sends under the unverified hourly cap.
    expect((await findStudioBySlugForTest(first.slug)).emailVerifiedAt).toBeNull();
  });

  it('invite: a code used with an email that already has an account is not spent (the answer is the same 202)', async () => {
    setMode('invite');
    const owner = studioBody();
    const { code: firstCode } = await issueSignUpCode();
    expect((await browser().post(DASHBOARD, '/api/studio/signup', { ...owner, inviteCode: firstCode })).status).toBe(202);
    const { code } = await issueSignUpCode();
    const taken = await browser().post(DASHBOARD, '/api/studio/signup', { ...studioBody(), email: owner.email, inviteCode: code });
    expect(taken.status).toBe(202);
    expect((await browser().post(DASHBOARD, '/api/studio/signup', { ...studioBody(), inviteCode: code })).status).toBe(202);
  });

  it('open: anyone signs up; the mail carries a single-use link that verifies the email and lifts the hourly cap', async () => {
    setMode('open');
    const body = studioBody();
    const owner = browser();
    expect((await signUpAndSignIn(owner, body)).status).toBe(200);
    const [mail] = (await mails()).filter((m) => m.to.includes(body.email));
    const token = /\/verify-email#token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(token, mail?.text).toHaveLength(43);
    expect(mail?.html).toContain(`/verify-email#token=${token}`);
    expect((await findStudioBySlugForTest(body.slug)).emailVerifiedAt).toBeNull();

    process.env.INVITES_PER_HOUR_UNVERIFIED = '2';
    try {
      const invite = async () =>
        (await owner.post(DASHBOARD, '/api/studio/clients', { email: `open-${tag()}@example.com`, name: 'Open Client' })).status;
      expect([await invite(), await invite(), await invite()]).toEqual([201, 201, 429]);
      const confirmed = await browser().post(DASHBOARD, '/api/studio/email-verification', { token });
      expect(confirmed.status, confirmed.text).toBe(200);
      expect((await findStudioBySlugForTest(body.slug)).emailVerifiedAt).toEqual(expect.any(String));
      // Verified: only the daily cap is left.
      expect([await invite(), await invite()]).toEqual([201, 201]);
    } finally {
      delete process.env.INVITES_PER_HOUR_UNVERIFIED;
    }
    // The link works once; a made-up one is not found; a malformed one is a 400.
    expect((await browser().post(DASHBOARD, '/api/studio/email-verification', { token })).status).toBe(404);
    expect((await browser().post(DASHBOARD, '/api/studio/email-verification', { token: 'A'.repeat(43) })).status).toBe(404);
    const malformed = await browser().post(DASHBOARD, '/api/studio/email-verification', { token: 'nope' });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.fields)).toEqual(['token']);
  });
});
