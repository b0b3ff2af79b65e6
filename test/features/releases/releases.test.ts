// Releases against the local stack: templates, a whole signing (a client on the portal, a guest by
// one-time link, the studio's countersignature), the gallery's downloads held back until it is
// signed, the sealed PDF checked by poppler's pdfsig, the verify route, the dispute bundle, the
// hash chain tampered with in DynamoDB Local, races, links that work once, and bad input.
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../local/seed.ts';
import { AGENCY } from '../../../local/seed-agency.ts';
import { db, tableName } from '../../../shared/data/db.ts';
import { objects } from '../../../shared/data/objects.ts';
import { CONSENT } from '../../../shared/features/releases/constants.ts';
import { deleteObject, putBytes } from '../../../shared/features/releases/data.ts';
import { sendReleaseReminders } from '../../../shared/features/releases/domain/reminders.ts';
import { keys } from '../../../shared/features/releases/records.ts';
import { Browser, DASHBOARD, mailbox, portal } from '../../support/http.ts';
import { pdfsig } from '../../support/pdfsig.ts';
import { storedLines } from '../../support/snapshot.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';
import { unzip } from '../../support/unzip.ts';
import { createTemplate, signAsClient, signByLink, signingTokenFor, typedSignature } from './actors.ts';

let t: TenantFixture;
/** Another studio: the demo photographer, signed in as its owner. */
const rival = { studio: new Browser(), portalHost: portal(DEMO.studio.slug) };
let templateId: string;

beforeAll(async () => {
  t = await tenantFixture('Release');
  const signedIn = await rival.studio.post(DASHBOARD, '/api/studio/session', { email: DEMO.owner.email, password: DEMO.owner.password });
  expect(signedIn.status).toBe(200);
  templateId = await createTemplate(t.studio, 'main');
}, 240_000);

const guestEmail = (what: string) => `guest-${what}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const drawn = {
  kind: 'drawn',
  strokes: [
    {
      points: [
        [10, 150],
        [80, 40],
        [150, 160],
        [260, 60],
        [400, 120],
      ],
    },
    {
      points: [
        [420, 90],
        [560, 95],
      ],
    },
  ],
};

async function newRelease(body: Record<string, unknown>) {
  const made = await t.studio.post(DASHBOARD, '/api/studio/releases', { templateId, title: 'Model release', ...body });
  expect(made.status, made.text).toBe(201);
  return made.body.release;
}
const studioView = async (releaseId: string) => {
  const seen = await t.studio.get(DASHBOARD, `/api/studio/releases/${releaseId}`);
  expect(seen.status, seen.text).toBe(200);
  return seen.body.release;
};
async function bytesOf(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}
const verify = (body: Record<string, unknown>) => new Browser(t.studio.port).post(DASHBOARD, '/api/verify', body);

describe('templates', () => {
  it('lists the starters first, read-only, then the studio’s own', async () => {
    const list = await t.studio.get(DASHBOARD, '/api/studio/release-templates');
    expect(list.status).toBe(200);
    const ids = list.body.templates.map((x: { templateId: string }) => x.templateId);
    expect(ids.slice(0, 2)).toEqual(['starter-model-release', 'starter-services-contract']);
    expect(ids).toContain(templateId);
    expect(list.body.templates[0].fields).toEqual(
      expect.arrayContaining(['studio.name', 'client.name', 'shoot.date', 'custom.compensation']),
    );
    const change = await t.studio.call(DASHBOARD, 'PATCH', '/api/studio/release-templates/starter-model-release', {
      json: { name: 'Mine' },
    });
    expect(change.status).toBe(409);
    expect(change.body.error).toBe('starter_read_only');
  });

  it('refuses a field nobody fills in, and changes nothing', async () => {
    const before = await storedLines();
    const bad = await t.studio.post(DASHBOARD, '/api/studio/release-templates', {
      format: 'text',
      name: 'Typo',
      kind: 'release',
      source: 'Dear {{client.nmae}}',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('unknown_fields');
    expect(bad.body.message).toContain('{{client.nmae}}');
    expect((await storedLines()).lines).toEqual(before.lines);
  });

  it('renders HTML as text, right-to-left scripts, emoji and a 10,000-character paragraph into the PDF', async () => {
    const long = 'word '.repeat(2_000).trim();
    const id = await createTemplate(
      t.studio,
      'unicode',
      `# <b>Not bold</b> <script>alert(1)</script>\n\nשלום עולם and مرحبا بالعالم 🎉 ✅\n\n${long}\n\n[[sign:1]]`,
    );
    const r = await (async () => {
      const made = await t.studio.post(DASHBOARD, '/api/studio/releases', {
        templateId: id,
        title: 'Unicode 🎉',
        signers: [{ name: 'נועה כהן', email: guestEmail('rtl') }],
      });
      expect(made.status, made.text).toBe(201);
      return made.body.release;
    })();
    expect(r.document.pageCount).toBeGreaterThan(2);
    const pdf = await bytesOf(r.document.url);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('refuses characters the fonts cannot draw, and a custom value over the limit, with a clear message', async () => {
    const before = await storedLines();
    const hieroglyph = await t.studio.post(DASHBOARD, '/api/studio/releases', {
      templateId: 'starter-model-release',
      title: 'Release',
      signers: [{ name: 'Ana', email: guestEmail('glyph') }],
      shootDate: '2027-01-10',
      fields: { 'custom.compensation': 'A print of 𓀀' },
    });
    expect(hieroglyph.status).toBe(400);
    expect(hieroglyph.body.error).toBe('unsupported_characters');
    expect(hieroglyph.body.message).toContain('U+13000');
    const tooLong = await t.studio.post(DASHBOARD, '/api/studio/releases', {
      templateId: 'starter-model-release',
      title: 'Release',
      signers: [{ name: 'Ana', email: guestEmail('long') }],
      shootDate: '2027-01-10',
      fields: { 'custom.compensation': 'x'.repeat(10_000) },
    });
    expect(tooLong.status).toBe(400);
    const missing = await t.studio.post(DASHBOARD, '/api/studio/releases', {
      templateId: 'starter-model-release',
      title: 'Release',
      signers: [{ name: 'Ana', email: guestEmail('missing') }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('fields_missing');
    expect(missing.body.fields).toHaveProperty(['fields.custom.compensation']);
    expect((await storedLines()).lines).toEqual(before.lines);
  });
});

describe('a release signed by a client, a guest and the studio', () => {
  let releaseId: string;
  let sealed: Uint8Array;
  let guest: string;
  const client = () => t.clients[0];

  it('holds the gallery’s downloads back until it is signed', async () => {
    guest = guestEmail('flow');
    const r = await newRelease({
      signers: [{ clientId: client().clientId }, { name: 'Guest Signer', email: guest }],
      countersignerId: t.ownerUserId,
      galleryId: client().galleryId,
      requiredForDownloads: true,
      send: true,
    });
    releaseId = r.releaseId;
    expect(r.state).toBe('sent');
    expect(r.signers.map((s: { state: string }) => s.state)).toEqual(['pending', 'pending']);
    const home = await client().browser.get(t.portalHost, '/api/portal/home');
    expect(home.body.waiting.releases.map((x: { releaseId: string }) => x.releaseId)).toContain(releaseId);
    const download = await client().browser.get(
      t.portalHost,
      `/api/portal/galleries/${client().galleryId}/images/${client().imageIds[0]}/download`,
    );
    expect(download.status, download.text).toBe(403);
    expect(download.body.error).toBe('release_required');
    const overview = await t.studio.get(DASHBOARD, '/api/studio/portal-manager');
    expect(overview.body.releases).toContainEqual(expect.objectContaining({ releaseId, waitingOn: [client().name, 'Guest Signer'] }));
    expect(download.body.message).toContain('Model release');
  });

  it('refuses a signature before the consent, and one on another document', async () => {
    const opened = await client().browser.get(t.portalHost, `/api/portal/releases/${releaseId}`);
    expect(opened.status).toBe(200);
    expect(opened.body.release.me).toMatchObject({ canSign: true, consentVersion: null, marks: expect.arrayContaining(['sign', 'date']) });
    const early = await client().browser.post(t.portalHost, `/api/portal/releases/${releaseId}/sign`, {
      documentHash: opened.body.release.document.hash,
      signature: typedSignature(),
    });
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('consent_required');
    await client().browser.post(t.portalHost, `/api/portal/releases/${releaseId}/steps`, {
      step: 'consent_accepted',
      consentVersion: CONSENT.version,
    });
    const other = await client().browser.post(t.portalHost, `/api/portal/releases/${releaseId}/sign`, {
      documentHash: 'f'.repeat(64),
      signature: typedSignature(),
    });
    expect(other.status).toBe(409);
    expect(other.body.error).toBe('document_changed');
  });

  it('takes the client’s drawn signature once, even double-clicked', async () => {
    const first = await signAsClient(client().browser, t.portalHost, releaseId, drawn);
    expect(first.status, first.text).toBe(200);
    expect(first.body.release.me.state).toBe('signed');
    const again = await client().browser.post(t.portalHost, `/api/portal/releases/${releaseId}/sign`, {
      documentHash: first.body.release.document.hash,
      signature: drawn,
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('already_signed');
  });

  it('takes the guest’s signature through their one-time link, which then stops working', async () => {
    const token = await signingTokenFor(guest, t.studio.port);
    const elsewhere = await new Browser(t.studio.port).post(rival.portalHost, '/api/sign/open', { token });
    expect(elsewhere.status).toBe(404);
    const signed = await signByLink(new Browser(t.studio.port), t.portalHost, token);
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body.release.state).toBe('awaiting_countersign');
    const reused = await new Browser(t.studio.port).post(t.portalHost, '/api/sign/open', { token });
    expect(reused.status).toBe(410);
    expect(reused.body.error).toBe('link_spent');
    expect(JSON.stringify(reused.body)).not.toContain(client().name);
  });

  it('is sealed once the studio countersigns, and the downloads open', async () => {
    const before = await studioView(releaseId);
    expect(before.state).toBe('awaiting_countersign');
    const counter = await t.studio.post(DASHBOARD, `/api/studio/releases/${releaseId}/countersign`, {
      documentHash: before.document.hash,
      signature: typedSignature(t.owner.name),
      consentVersion: CONSENT.version,
    });
    expect(counter.status, counter.text).toBe(200);
    expect(counter.body.release.state).toBe('completed');
    expect(counter.body.release.chain).toMatchObject({ intact: true, brokenAt: null });
    const types = counter.body.release.events.map((e: { type: string }) => e.type);
    for (const type of ['created', 'sent', 'email_sent', 'opened', 'consent_accepted', 'viewed', 'signed', 'countersigned', 'completed'])
      expect(types).toContain(type);
    expect(types.filter((x: string) => x === 'completed')).toHaveLength(1);
    const download = await client().browser.get(
      t.portalHost,
      `/api/portal/galleries/${client().galleryId}/images/${client().imageIds[0]}/download`,
    );
    expect(download.status, download.text).toBe(200);
    const mails = (await mailbox(t.studio.port)).filter((m) => m.to.includes(guest) && m.subject.startsWith('Signed and sealed'));
    expect(mails).toHaveLength(1);
  });

  it('hands out a sealed PDF that pdfsig finds valid over the whole file, and not once a byte changes', async () => {
    const link = await t.studio.get(DASHBOARD, `/api/studio/releases/${releaseId}/sealed`);
    expect(link.status, link.text).toBe(200);
    sealed = await bytesOf(link.body.url);
    const check = await pdfsig(sealed);
    expect(check.valid, check.output).toBe(true);
    expect(check.wholeFile, check.output).toBe(true);
    const text = Buffer.from(sealed).toString('latin1');
    expect(text).toContain('/PorticoSeal (');
    expect(text).toContain('ETSI.CAdES.detached');
    const tampered = Uint8Array.from(sealed);
    const at = text.indexOf('Guest Signer') > 0 ? text.indexOf('stream') + 20 : 2000;
    tampered[at] = (tampered[at] as number) ^ 0x01;
    expect((await pdfsig(tampered)).valid).toBe(false);
    const client = await t.clients[0].browser.get(t.portalHost, `/api/portal/releases/${releaseId}/sealed`);
    expect(client.status).toBe(200);
  });

  it('is found by the verify route: sealed, altered, or unknown', async () => {
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(sealed).digest('hex');
    const sealId = /\/PorticoSeal \(([A-Za-z0-9_-]+)\)/.exec(Buffer.from(sealed).toString('latin1'))?.[1];
    const good = await verify({ hash });
    expect(good.status, good.text).toBe(200);
    expect(good.body.verification).toMatchObject({
      result: 'sealed',
      release: { title: 'Model release', studioName: t.studioName, chain: { intact: true } },
    });
    expect(good.body.verification.release.signers.map((s: { name: string }) => s.name)).toEqual([
      t.clients[0].name,
      'Guest Signer',
      t.owner.name,
    ]);
    const altered = await verify({ hash: 'c'.repeat(64), sealId });
    expect(altered.body.verification.result).toBe('altered');
    const unknown = await verify({ hash: 'd'.repeat(64) });
    expect(unknown.body.verification).toEqual({ result: 'unknown', release: null });
  });

  it('bundles the sealed PDF, the audit trail as JSON and PDF, and the chain check for a dispute', async () => {
    const bundle = await t.studio.get(DASHBOARD, `/api/studio/releases/${releaseId}/bundle`);
    expect(bundle.status, bundle.text).toBe(200);
    const entries = unzip(Buffer.from(await bytesOf(bundle.body.url)));
    const names = entries.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['Model release (sealed).pdf', 'audit-trail.json', 'audit-trail.pdf', 'chain-verification.txt']),
    );
    const json = JSON.parse(entries.find((e) => e.name === 'audit-trail.json')?.data.toString('utf8') ?? '{}');
    expect(json.chain.intact).toBe(true);
    expect(json.events.length).toBeGreaterThan(8);
    const inBundle = entries.find((e) => e.name.endsWith('(sealed).pdf'))?.data;
    expect(Buffer.compare(Buffer.from(inBundle ?? []), Buffer.from(sealed))).toBe(0);
  });

  it('names the first broken link when a record is altered, deleted, reordered or inserted in the table', async () => {
    const get = async (seq: number) =>
      (await db().send(new GetCommand({ TableName: tableName(), Key: keys.audit(releaseId, seq) }))).Item as Record<string, unknown>;
    const put = (item: Record<string, unknown>) => db().send(new PutCommand({ TableName: tableName(), Item: item }));
    const brokenAt = async () => (await studioView(releaseId)).chain.brokenAt?.seq ?? null;
    const third = await get(3);
    const fourth = await get(4);

    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.audit(releaseId, 3),
        UpdateExpression: 'SET ip = :ip',
        ExpressionAttributeValues: { ':ip': '6.6.6.6' },
      }),
    );
    expect(await brokenAt()).toBe(3);
    const verdict = await verify({ hash: (await studioView(releaseId)).sealed.hash });
    expect(verdict.body.verification.release.chain).toMatchObject({ intact: false, brokenAt: { seq: 3 } });
    await put(third);
    expect(await brokenAt()).toBeNull();

    await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.audit(releaseId, 4) }));
    expect(await brokenAt()).toBe(4);
    await put(fourth);

    await put({ ...third, ...keys.audit(releaseId, 4), seq: 4 });
    await put({ ...fourth, ...keys.audit(releaseId, 3), seq: 3 });
    expect(await brokenAt()).toBe(3);
    await put(third);
    await put(fourth);

    await put({ ...third, PK: third.PK, SK: `${third.SK}a`, seq: 4, detail: 'inserted' });
    expect(await brokenAt()).toBe(4);
    await db().send(new DeleteCommand({ TableName: tableName(), Key: { PK: third.PK, SK: `${third.SK}a` } }));
    expect(await brokenAt()).toBeNull();
  });
});

describe('signers, links and races', () => {
  it('seals once when two signers sign at the same moment', async () => {
    const a = guestEmail('race-a');
    const b = guestEmail('race-b');
    const r = await newRelease({
      signers: [
        { name: 'Race A', email: a },
        { name: 'Race B', email: b },
      ],
      send: true,
    });
    const [ta, tb] = await Promise.all([signingTokenFor(a, t.studio.port), signingTokenFor(b, t.studio.port)]);
    const prepare = async (token: string) => {
      const browser = new Browser(t.studio.port);
      const opened = await browser.post(t.portalHost, '/api/sign/open', { token });
      expect(opened.status, opened.text).toBe(200);
      const consent = await browser.post(t.portalHost, '/api/sign/step', {
        token,
        step: { step: 'consent_accepted', consentVersion: CONSENT.version },
      });
      expect(consent.status, consent.text).toBe(200);
      return { browser, token, hash: opened.body.release.document.hash as string };
    };
    const ready = await Promise.all([prepare(ta), prepare(tb)]);
    const between = await studioView(r.releaseId);
    expect(
      between.events.filter((e: { type: string }) => e.type === 'consent_accepted'),
      JSON.stringify(
        between.events.map((e: { seq: number; type: string; actor: { name: string } }) => `${e.seq} ${e.type} ${e.actor.name}`),
      ),
    ).toHaveLength(2);
    const answers = await Promise.all(
      ready.map((p) =>
        p.browser.post(t.portalHost, '/api/sign/sign', { token: p.token, documentHash: p.hash, signature: typedSignature() }),
      ),
    );
    expect(answers.map((x) => `${x.status} ${x.status === 200 ? '' : x.text}`.trim())).toEqual(['200', '200']);
    const after = await studioView(r.releaseId);
    expect(after.state, JSON.stringify(after.events.map((e: { seq: number; type: string }) => `${e.seq} ${e.type}`))).toBe('completed');
    expect(after.events.filter((e: { type: string }) => e.type === 'completed')).toHaveLength(1);
    expect(after.events.filter((e: { type: string }) => e.type === 'signed')).toHaveLength(2);
    expect(after.chain.intact).toBe(true);
  });

  it('signs in order: the second signer waits for the first and is emailed then', async () => {
    const second = guestEmail('second');
    const r = await newRelease({
      signers: [{ clientId: t.clients[1].clientId }, { name: 'Second', email: second }],
      order: 'sequential',
      send: true,
    });
    expect(r.signers.map((s: { state: string }) => s.state)).toEqual(['pending', 'waiting']);
    await expect(signingTokenFor(second, t.studio.port)).rejects.toThrow(/No signing link/);
    const signed = await signAsClient(t.clients[1].browser, t.portalHost, r.releaseId);
    expect(signed.status, signed.text).toBe(200);
    const token = await signingTokenFor(second, t.studio.port);
    expect((await signByLink(new Browser(t.studio.port), t.portalHost, token)).status).toBe(200);
    expect((await studioView(r.releaseId)).state).toBe('completed');
  });

  it('retires a link when a newer one is sent, and an expired link answers 410', async () => {
    const who = guestEmail('resend');
    const r = await newRelease({ signers: [{ name: 'Resend', email: who }], send: true });
    const old = await signingTokenFor(who, t.studio.port);
    const resent = await t.studio.post(DASHBOARD, `/api/studio/releases/${r.releaseId}/signers/${r.signers[0].signerId}/resend`, {});
    expect(resent.status, resent.text).toBe(200);
    const fresh = await signingTokenFor(who, t.studio.port);
    expect(fresh).not.toBe(old);
    expect((await new Browser(t.studio.port).post(t.portalHost, '/api/sign/open', { token: old })).body.error).toBe('link_replaced');
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(fresh).digest('hex');
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.signingLink(hash),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': '2020-01-01T00:00:00.000Z' },
      }),
    );
    const expired = await new Browser(t.studio.port).post(t.portalHost, '/api/sign/open', { token: fresh });
    expect(expired.status).toBe(410);
    expect(expired.body.error).toBe('link_expired');
  });

  it('records a decline with its reason, and a voided release stays in the history unsignable', async () => {
    const who = guestEmail('decline');
    const r = await newRelease({ signers: [{ name: 'Decliner', email: who }], send: true });
    const token = await signingTokenFor(who, t.studio.port);
    const declined = await new Browser(t.studio.port).post(t.portalHost, '/api/sign/decline', { token, reason: 'The fee is wrong.' });
    expect(declined.status, declined.text).toBe(200);
    const seen = await studioView(r.releaseId);
    expect(seen.state).toBe('declined');
    expect(seen.signers[0]).toMatchObject({ state: 'declined', declineReason: 'The fee is wrong.' });

    const other = guestEmail('void');
    const v = await newRelease({ signers: [{ name: 'Voided', email: other }], send: true });
    const voidToken = await signingTokenFor(other, t.studio.port);
    const voided = await t.studio.post(DASHBOARD, `/api/studio/releases/${v.releaseId}/void`, { reason: 'Wrong date.' });
    expect(voided.status).toBe(200);
    expect(voided.body.release).toMatchObject({ state: 'voided', voidReason: 'Wrong date.' });
    const dead = await new Browser(t.studio.port).post(t.portalHost, '/api/sign/open', { token: voidToken });
    expect(dead.status).toBe(410);
    expect(dead.body.error).toBe('release_voided');
    const list = await t.studio.get(DASHBOARD, '/api/studio/releases?limit=100');
    expect(list.body.releases.map((x: { releaseId: string }) => x.releaseId)).toContain(v.releaseId);
  });

  it('reads as expired after its deadline, and refuses signatures then', async () => {
    const r = await newRelease({
      signers: [{ clientId: t.clients[1].clientId }],
      send: true,
      deadline: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    });
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.release(r.releaseId),
        UpdateExpression: 'SET deadline = :d',
        ExpressionAttributeValues: { ':d': '2020-01-01' },
      }),
    );
    expect((await studioView(r.releaseId)).state).toBe('expired');
    const opened = await t.clients[1].browser.get(t.portalHost, `/api/portal/releases/${r.releaseId}`);
    expect(opened.body.release).toMatchObject({ state: 'expired', me: { canSign: false } });
    const late = await t.clients[1].browser.post(t.portalHost, `/api/portal/releases/${r.releaseId}/steps`, {
      step: 'consent_accepted',
      consentVersion: CONSENT.version,
    });
    expect(late.status).toBe(410);
    expect(late.body.error).toBe('release_expired');
  });

  it('reminds waiting signers on their reminder day, once', async () => {
    const who = guestEmail('remind');
    const r = await newRelease({ signers: [{ name: 'Reminded', email: who }], send: true, remindEveryDays: 2 });
    const day = new Date(Date.now() + 2 * 86_400_000);
    await sendReleaseReminders(day);
    await sendReleaseReminders(day);
    const reminders = (await mailbox(t.studio.port)).filter((m) => m.to.includes(who) && m.subject.startsWith('Reminder:'));
    expect(reminders).toHaveLength(1);
    expect((await studioView(r.releaseId)).events.map((e: { type: string }) => e.type)).toContain('reminded');
  });

  it('leaves a seal that fails owed, keeps the signature, and makes it in the daily job', async () => {
    const who = guestEmail('owed');
    const r = await newRelease({ signers: [{ name: 'Owed', email: who }], send: true });
    const key = objects.releaseDocument(t.studioId, r.releaseId);
    const document = await bytesOf(r.document.url);
    await deleteObject(key);
    const signed = await signByLink(new Browser(t.studio.port), t.portalHost, await signingTokenFor(who, t.studio.port));
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body.release.me.state).toBe('signed');
    expect((await studioView(r.releaseId)).sealed).toBeNull();
    await putBytes(key, document, 'application/pdf');
    await sendReleaseReminders(new Date(Date.now() + 10 * 60_000));
    const after = await studioView(r.releaseId);
    expect(after.state).toBe('completed');
    expect(
      (await pdfsig(await bytesOf((await t.studio.get(DASHBOARD, `/api/studio/releases/${r.releaseId}/sealed`)).body.url))).valid,
    ).toBe(true);
  });

  it('shows another studio nothing of a release', async () => {
    const r = await newRelease({ signers: [{ clientId: t.clients[0].clientId }], send: true });
    expect((await rival.studio.get(DASHBOARD, `/api/studio/releases/${r.releaseId}`)).status).toBe(404);
    expect((await t.clients[1].browser.get(t.portalHost, `/api/portal/releases/${r.releaseId}`)).status).toBe(404);
  });
});

describe('the demo', () => {
  it('has a signed model release that pdfsig and the verify route accept, and a contract awaiting countersignature', async () => {
    const list = await rival.studio.get(DASHBOARD, '/api/studio/releases');
    const signed = list.body.releases.find((r: { title: string }) => r.title === 'Model release — wedding day');
    expect(signed).toMatchObject({ state: 'completed', requiredForDownloads: true });
    const link = await rival.studio.get(DASHBOARD, `/api/studio/releases/${signed.releaseId}/sealed`);
    const pdf = await bytesOf(link.body.url);
    const check = await pdfsig(pdf);
    // The closing note quotes this output.
    if (process.env.PORTICO_PRINT_PDFSIG) console.log(check.output);
    expect(check, check.output).toMatchObject({ valid: true, wholeFile: true });
    const { createHash } = await import('node:crypto');
    const verdict = await verify({ hash: createHash('sha256').update(pdf).digest('hex') });
    expect(verdict.body.verification).toMatchObject({
      result: 'sealed',
      release: { studioName: DEMO.studio.name, chain: { intact: true } },
    });

    const agency = new Browser();
    expect(
      (await agency.post(DASHBOARD, '/api/studio/session', { email: AGENCY.owner.email, password: AGENCY.owner.password })).status,
    ).toBe(200);
    const contracts = await agency.get(DASHBOARD, '/api/studio/releases');
    expect(contracts.body.releases).toContainEqual(expect.objectContaining({ kind: 'contract', state: 'awaiting_countersign' }));
  });
});
