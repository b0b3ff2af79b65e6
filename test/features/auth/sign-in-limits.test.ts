// Password guessing: failed studio sign-ins wait longer and longer, per email and per source IP,
// answered 429 with Retry-After; only failures count, so the owner gets in once the wait is over.
import { randomInt, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../../shared/config.ts';
import { type Answer, Browser, DASHBOARD } from '../../support/http.ts';

const PASSWORD = 'Guess-proof-2026';
const tag = () => randomUUID().slice(0, 8);
/** A loopback address of its own, so each test's source IP starts with no failures. */
const loopback = () => `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const signIn = (ip: string, email: string, password: string) =>
  new Browser(undefined, ip).post(DASHBOARD, '/api/studio/session', { email, password });

function expectLimited(answer: Answer) {
  expect(answer.status, answer.text).toBe(429);
  expect(answer.body.error).toBe('rate_limited');
  expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(answer.headers['set-cookie']).toBeUndefined();
}

let ownerEmail: string;
beforeAll(async () => {
  ownerEmail = `guess-${tag()}@example.com`;
  const signedUp = await new Browser().post(DASHBOARD, '/api/studio/signup', {
    studioName: 'Guess Studio',
    slug: `guess-${tag()}`,
    name: 'Owner',
    email: ownerEmail,
    password: PASSWORD,
  });
  expect(signedUp.status).toBeLessThan(300);
});

describe('studio sign-in floods', () => {
  it('150 wrong passwords: 429s after the free failures; the right one works after the wait, and resets the count', async () => {
    const ip = loopback();
    const answers: Answer[] = [];
    for (let i = 0; i < 150; i++) answers.push(await signIn(ip, ownerEmail, `Wrong-${i}-password`));
    const free = config.signInFreeFailuresPerEmail;
    for (const answer of answers.slice(0, free)) expect(answer.status).toBe(401);
    const limited = answers.filter((a) => a.status === 429);
    for (const answer of limited) expectLimited(answer);
    // Each wait that ends lets one more guess through, and doubles the next wait.
    expect(limited.length).toBeGreaterThanOrEqual(150 - free - 6);
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    console.log(`sign-in flood: ${limited.length} of 150 wrong passwords refused with 429`);

    // A wait surely in force: once the current one ends, one more wrong password is tried and
    // earns a longer one (the flood may end just as a wait does, on a quiet machine).
    const last = limited.at(-1) as Answer;
    await sleep(Number(last.headers['retry-after']) * 1000 + 100);
    expect((await signIn(ip, ownerEmail, 'Wrong-once-more')).status).toBe(401);
    // During the wait even the right password is refused (it is not even tried).
    const waiting = await signIn(ip, ownerEmail, PASSWORD);
    expectLimited(waiting);
    await sleep(Number(waiting.headers['retry-after']) * 1000 + 100);
    const owner = await signIn(ip, ownerEmail, PASSWORD);
    expect(owner.status, owner.text).toBe(200);
    // The success forgot the email's failures: a slip of the finger is a plain 401 again.
    expect((await signIn(ip, ownerEmail, 'Wrong-again-1')).status).toBe(401);
    expect((await signIn(ip, ownerEmail, PASSWORD)).status).toBe(200);
  });

  it('one IP guessing across many emails is limited by the IP count, at its higher threshold', async () => {
    const ip = loopback();
    const free = config.signInFreeFailuresPerIp;
    expect(free).toBeGreaterThan(config.signInFreeFailuresPerEmail);
    for (let i = 0; i < free; i++) {
      const answer = await signIn(ip, `spray-${i}-${tag()}@example.com`, 'Wrong-spray-1');
      expect(answer.status, `guess ${i}`).toBe(401);
    }
    // The next email is fresh, but the IP is not; the owner's right password from there waits too.
    expectLimited(await signIn(ip, `spray-next-${tag()}@example.com`, 'Wrong-spray-1'));
    expectLimited(await signIn(ip, ownerEmail, PASSWORD));
    // From anywhere else the owner signs in: the IP's count is the IP's alone.
    expect((await signIn(loopback(), ownerEmail, PASSWORD)).status).toBe(200);
  });

  it('an unknown email is counted and refused exactly as a real one', async () => {
    const ip = loopback();
    const ghost = `ghost-${tag()}@example.com`;
    const real = `guess-${tag()}@example.com`;
    const signedUp = await new Browser().post(DASHBOARD, '/api/studio/signup', {
      studioName: 'Guess Studio Two',
      slug: `guess-${tag()}`,
      name: 'Owner',
      email: real,
      password: PASSWORD,
    });
    expect(signedUp.status).toBeLessThan(300);
    for (let i = 0; i <= config.signInFreeFailuresPerEmail; i++) {
      const [r, g] = [await signIn(ip, real, `Wrong-${i}-password`), await signIn(ip, ghost, `Wrong-${i}-password`)];
      expect(g.status).toBe(r.status);
      expect(g.body).toEqual(r.body);
    }
    expectLimited(await signIn(ip, ghost, 'Wrong-last-1'));
  });
});
