// Sign-up tells nobody whether an email has an account: a fresh address and a taken one get the
// same answer (status, body, headers), and the mail tells the address's owner what happened.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Answer, Browser, DASHBOARD, mailbox, portal } from '../../support/http.ts';
import { storedState } from '../../support/snapshot.ts';

const tag = () => randomUUID().slice(0, 8);
/** Addresses and slugs of one length, so answers can be compared byte for byte. */
const address = () => `signup-${tag()}@example.com`;
const slug = () => `signup-${tag()}`;
const PASSWORD = 'Sign-up-2026-ok';
const comparable = (answer: Answer) => {
  const { date: _date, ...rest } = answer.headers;
  return rest;
};
const mailsTo = async (to: string) => (await mailbox()).filter((m) => m.to.includes(to));

const signUp = (email: string, password = PASSWORD, at = slug()) =>
  new Browser().post(DASHBOARD, '/api/studio/signup', { studioName: 'Signup Studio', slug: at, name: 'Sam Signup', email, password });

describe('studio sign-up', () => {
  it('answers a taken email exactly as a fresh one, changes nothing for it, and mails its owner', async () => {
    const owner = address();
    const first = await signUp(owner);
    expect(first.status, first.text).toBe(202);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect((await mailsTo(owner)).length).toBe(1);
    // The fresh studio is ready: its owner signs in with the password they chose.
    expect((await new Browser().post(DASHBOARD, '/api/studio/session', { email: owner, password: PASSWORD })).status).toBe(200);

    const fresh = await signUp(address());
    const before = await storedState();
    const takenSlug = slug();
    const taken = await signUp(owner, 'Another-pass-2026', takenSlug);
    expect(await storedState()).toEqual(before);
    expect(taken.status).toBe(fresh.status);
    expect(taken.text).toBe(fresh.text);
    expect(comparable(taken)).toEqual(comparable(fresh));
    // Nothing was created for the attempt: no portal at its address, the owner's password unchanged.
    expect((await new Browser().get(portal(takenSlug), '/api/portal')).status).toBe(404);
    expect((await new Browser().post(DASHBOARD, '/api/studio/session', { email: owner, password: 'Another-pass-2026' })).status).toBe(401);

    const [notice] = await mailsTo(owner);
    expect((await mailsTo(owner)).length).toBe(2);
    expect(notice?.subject).toMatch(/sign up|studio/i);
    expect(notice?.text).toMatch(/already has an account/i);
  });

  it('still says a portal address is taken (it is public: the portal answers there)', async () => {
    const at = slug();
    expect((await signUp(address(), PASSWORD, at)).status).toBe(202);
    const again = await signUp(address(), PASSWORD, at);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('slug_taken');
  });

  it('refuses studio and owner names that look like an address or a link (a phishing sender), storing and mailing nothing', async () => {
    const before = await storedState();
    const mailsBefore = (await mailbox()).length;
    const cases: Array<[field: 'studioName' | 'name', value: string]> = [
      ['studioName', 'PayPal Security <security@paypal.example>'],
      ['studioName', 'Verify at https://evil.example/login'],
      ['studioName', 'www.evil.example'],
      ['studioName', 'paypal.com support'],
      ['name', 'security@paypal.example'],
      ['name', 'Bob (http://evil.example)'],
    ];
    for (const [field, value] of cases) {
      const body = { studioName: 'Signup Studio', slug: slug(), name: 'Sam Signup', email: address(), password: PASSWORD, [field]: value };
      const answer = await new Browser().post(DASHBOARD, '/api/studio/signup', body);
      expect(answer.status, value).toBe(400);
      expect(Object.keys(answer.body.fields), value).toEqual([field]);
    }
    expect(await storedState()).toEqual(before);
    expect((await mailbox()).length).toBe(mailsBefore);
    // Ordinary names with dots and ampersands still pass.
    expect((await signUp(address(), PASSWORD, slug())).status).toBe(202);
    const plain = await new Browser().post(DASHBOARD, '/api/studio/signup', {
      studioName: 'A.J. Smith & Co. Photography',
      slug: slug(),
      name: "St. John O'Neil",
      email: address(),
      password: PASSWORD,
    });
    expect(plain.status, plain.text).toBe(202);
  });
});
