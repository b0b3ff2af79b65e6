// What the releases tests (and the tenants of the isolation matrix) do as a studio and its signers.
import { expect } from 'vitest';
import { CONSENT } from '../../../shared/features/releases/constants.ts';
import { type Browser, DASHBOARD, mailbox } from '../../support/http.ts';

export const TEXT_TEMPLATE = (tag: string) =>
  `# Release ${tag}\n\nI, **{{client.name}}**, agree to the terms of {{studio.name}}.\n\n- One\n- Two\n\n[[sign:1]]\n[[date:1]]\n`;

export async function createTemplate(studio: Browser, tag: string, source = TEXT_TEMPLATE(tag)): Promise<string> {
  const made = await studio.post(DASHBOARD, '/api/studio/release-templates', {
    format: 'text',
    name: `Secret template ${tag}`,
    kind: 'release',
    source,
  });
  expect(made.status, made.text).toBe(201);
  return made.body.template.templateId as string;
}

/** The one-time link token of the newest signing mail to `email`. */
export async function signingTokenFor(email: string, port?: number): Promise<string> {
  // The mailbox lists the newest first.
  const mail = (await mailbox(port)).find((m) => m.to.includes(email) && /\/sign#t=/.test(m.text));
  const token = /\/sign#t=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`No signing link mailed to ${email}`);
  return token;
}

/** A template and a release of it sent to the client and to a guest without a portal account. */
export async function releaseFixture(studio: Browser, clientId: string, tag: string) {
  const templateId = await createTemplate(studio, tag);
  const guest = `guest-${tag.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const releaseTitle = `Secret release ${tag}`;
  const sent = await studio.post(DASHBOARD, '/api/studio/releases', {
    templateId,
    title: releaseTitle,
    signers: [{ clientId }, { name: `Guest ${tag}`, email: guest }],
    send: true,
  });
  expect(sent.status, sent.text).toBe(201);
  const release = sent.body.release;
  return {
    templateId,
    releaseId: release.releaseId as string,
    releaseTitle,
    signerId: release.signers[0].signerId as string,
    guestEmail: guest,
    signingToken: await signingTokenFor(guest, studio.port),
  };
}

export const typedSignature = (text = 'Ava Client') => ({ kind: 'typed' as const, text });

/** A signer's whole way through, on the portal (client) or by link (token): consent, view, sign. */
export async function signAsClient(client: Browser, portalHost: string, releaseId: string, signature: unknown = typedSignature()) {
  const opened = await client.get(portalHost, `/api/portal/releases/${releaseId}`);
  expect(opened.status, opened.text).toBe(200);
  const hash = opened.body.release.document.hash as string;
  const consent = await client.post(portalHost, `/api/portal/releases/${releaseId}/steps`, {
    step: 'consent_accepted',
    consentVersion: CONSENT.version,
  });
  expect(consent.status, consent.text).toBe(200);
  const viewed = await client.post(portalHost, `/api/portal/releases/${releaseId}/steps`, { step: 'viewed', documentHash: hash });
  expect(viewed.status, viewed.text).toBe(200);
  return client.post(portalHost, `/api/portal/releases/${releaseId}/sign`, { documentHash: hash, signature });
}

export async function signByLink(guest: Browser, portalHost: string, token: string, signature: unknown = typedSignature('Guest Signer')) {
  const opened = await guest.post(portalHost, '/api/sign/open', { token });
  expect(opened.status, opened.text).toBe(200);
  const hash = opened.body.release.document.hash as string;
  const consent = await guest.post(portalHost, '/api/sign/step', {
    token,
    step: { step: 'consent_accepted', consentVersion: CONSENT.version },
  });
  expect(consent.status, consent.text).toBe(200);
  return guest.post(portalHost, '/api/sign/sign', { token, documentHash: hash, signature });
}
