// Two complete tenants for the isolation matrix and the fuzzing suite: two studios, each with two
// signed-in clients, and every record type the API can reach (gallery, images, selection, pick,
// favourite, comment, confirmed submission, activity, a finished ZIP job, a share link and its
// token, an unused magic link, rate-limit windows). Built through the API like a studio and its
// clients would, except the images, which stand in for the pipeline's output (fixtures.ts).
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { sentDeliverable } from '../features/deliverables/actors.ts';
import { sharedFileFixture } from '../features/files/actors.ts';
import { sentInvoice } from '../features/invoices/actors.ts';
import { connectStripe } from '../features/invoices/billing.ts';
import { releaseFixture } from '../features/releases/actors.ts';
import { invite, joinTeam, type TeamMate } from '../features/team/actors.ts';
import { addReadyImages, findStudioBySlugForTest, setStudioPlanForTest } from './fixtures.ts';
import { Browser, DASHBOARD, mailbox, portal, signUpAndSignIn } from './http.ts';
import { finishedZip, galleryRules, latestTokenFor } from './portal-actors.ts';
import type { SampleContext } from './route-samples.ts';

export interface ClientFixture {
  clientId: string;
  email: string;
  name: string;
  /** The client's access token (what the portal's session cookie carries). */
  session: string;
  browser: Browser;
  galleryId: string;
  galleryTitle: string;
  imageIds: string[];
  fileNames: string[];
  submissionId: string;
  jobId: string;
  linkId: string;
  /** A download share link's token for this client's gallery. */
  shareToken: string;
  commentText: string;
  /** The client's comment (a thread's root) on the first image. */
  imageCommentId: string;
  /** A project the client is the one contact of, and one of its milestones. */
  projectId: string;
  milestoneId: string;
  /** A deliverable of that project with version 1 sent for review, and the client's comment on it. */
  deliverableId: string;
  version: number;
  deliverableCommentId: string;
  /** In that project: a folder taking client uploads, and the client's upload in it, processed and shared by the studio. */
  folderId: string;
  fileId: string;
  fileVersion: number;
  sharedFileName: string;
  /** The client's feedback on that project (a task in the owner's inbox, with an internal note). */
  feedbackId: string;
  /** A file attached to that feedback. */
  attachmentId: string;
  /** A release template, a release of it sent to the client and a guest, the client's signer id and the guest's one-time link token. */
  templateId: string;
  releaseId: string;
  releaseTitle: string;
  signerId: string;
  signingToken: string;
  /** A standard invoice of that project, sent to the client, and its one line's description. */
  invoiceId: string;
  invoiceLine: string;
  /** A Checkout Session the client opened for that invoice (on the Stripe stand-in). */
  checkoutSessionId: string;
}

export interface TenantFixture {
  slug: string;
  studioId: string;
  studioName: string;
  owner: { email: string; password: string; name: string };
  /** The studio owner's access token (the dashboard's session cookie). */
  studioSession: string;
  studio: Browser;
  /** The owner's studio user id. */
  ownerUserId: string;
  portalHost: string;
  clients: [ClientFixture, ClientFixture];
  /** An unused sign-in link of the first client, valid 15 minutes. */
  magicToken: string;
  /** The owner's email verification token, from the sign-up mail (unused). */
  verifyToken: string;
  /** A member of the team, assigned no gallery. */
  member: TeamMate;
  /** A pending team invitation, and another's unused link. */
  inviteId: string;
  inviteToken: string;
}

const sessionOf = (browser: Browser, host: string): string => {
  const token = browser.jar.get(host)?.get('portico_session');
  if (!token) throw new Error(`no session cookie on ${host}`);
  return token;
};

type TenantBase = Omit<TenantFixture, 'clients' | 'magicToken' | 'verifyToken' | 'member' | 'inviteId' | 'inviteToken'>;

async function clientFixture(t: TenantBase, label: string): Promise<ClientFixture> {
  const tag = randomUUID().slice(0, 8);
  const email = `${label.toLowerCase()}-${tag}@example.com`;
  const name = `${label} ${tag}`;
  const invited = await t.studio.post(DASHBOARD, '/api/studio/clients', { email, name });
  expect(invited.status).toBe(201);
  const clientId = invited.body.client.clientId as string;
  const browser = new Browser(t.studio.port);
  expect((await browser.post(t.portalHost, '/api/portal/session', { token: await latestTokenFor(email, t.studio.port) })).status).toBe(200);

  const galleryTitle = `Secret shoot ${tag}`;
  const created = await t.studio.post(DASHBOARD, '/api/studio/galleries', {
    clientId,
    title: galleryTitle,
    deadline: '2099-12-31',
    rules: galleryRules({ selection: { enabled: true, min: 0, max: 5 } }),
  });
  expect(created.status).toBe(201);
  const galleryId = created.body.gallery.galleryId as string;
  const imageIds = await addReadyImages(t.studioId, galleryId, 2, `${label.toUpperCase()}_${tag}`);
  const fileNames = [1, 2].map((n) => `${label.toUpperCase()}_${tag}_000${n}.jpg`);
  expect((await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${galleryId}`, { json: { status: 'proofing' } })).status).toBe(
    200,
  );

  const on = (path: string) => `/api/portal/galleries/${galleryId}${path}`;
  const [first] = imageIds as [string];
  expect((await browser.get(t.portalHost, on(''))).status).toBe(200); // activity: one view
  expect((await browser.call(t.portalHost, 'PUT', on(`/images/${first}/selection`), { json: { selected: true } })).status).toBe(200);
  expect((await browser.call(t.portalHost, 'PUT', on(`/images/${first}/favourite`), { json: { favourite: true } })).status).toBe(200);
  const commentText = `Private note ${tag}`;
  const imageComment = await browser.post(t.portalHost, on(`/images/${first}/comments`), { text: commentText });
  expect(imageComment.status).toBe(201);
  const confirmed = await browser.post(t.portalHost, on('/confirm'));
  expect(confirmed.status).toBe(201);
  const zip = await browser.post(t.portalHost, on('/zip'), { scope: 'all' });
  expect(zip.status).toBe(202);
  expect((await finishedZip(browser, t.portalHost, galleryId, zip.body.job.jobId)).status).toBe('ready');
  expect((await browser.get(t.portalHost, on(`/images/${first}/download`))).status).toBe(200); // activity: one download

  const link = await t.studio.post(DASHBOARD, `/api/studio/galleries/${galleryId}/share-links`, { access: 'download' });
  expect(link.status).toBe(201);
  const shareToken = (link.body.link.url as string).split('#')[1] as string;
  expect((await new Browser(t.studio.port).post(t.portalHost, '/api/share/gallery', { token: shareToken })).status).toBe(200);

  const project = await t.studio.post(DASHBOARD, '/api/studio/projects', {
    title: `Secret project ${tag}`,
    contactIds: [clientId],
    leadId: t.ownerUserId,
    status: 'in_progress',
    milestones: [{ title: `Secret milestone ${tag}`, dueDate: '2099-01-01' }],
  });
  expect(project.status).toBe(201);
  const projectId = project.body.project.projectId as string;
  const deliverable = await sentDeliverable(t.studio, projectId, `Secret deliverable ${tag}`);
  const noted = await browser.post(
    t.portalHost,
    `/api/portal/projects/${projectId}/deliverables/${deliverable.deliverableId}/versions/${deliverable.version}/comments`,
    { text: `Secret deliverable note ${tag}`, pin: { kind: 'point', x: 0.5, y: 0.5 } },
  );
  expect(noted.status, noted.text).toBe(201);

  const files = await sharedFileFixture(t.studio, browser, t.portalHost, projectId, `${label.toUpperCase()}_${tag}`);
  const bytes = new TextEncoder().encode(`Secret attachment ${tag}`);
  const attaching = await browser.post(t.portalHost, `/api/portal/projects/${projectId}/feedback/attachments`, {
    fileName: `SECRET_ATTACHMENT_${tag}.txt`,
    contentType: 'text/plain',
    size: bytes.length,
  });
  expect(attaching.status, attaching.text).toBe(201);
  const put = await fetch(attaching.body.ticket.put.url, { method: 'PUT', headers: attaching.body.ticket.put.headers, body: bytes });
  expect(put.status).toBe(200);
  const feedback = await browser.post(t.portalHost, `/api/portal/projects/${projectId}/feedback`, {
    subject: `Secret feedback ${tag}`,
    message: `Secret feedback message ${tag}`,
    attachments: [attaching.body.attachment],
  });
  expect(feedback.status, feedback.text).toBe(201);
  const feedbackId = feedback.body.feedback.feedbackId as string;
  const note = await t.studio.post(DASHBOARD, `/api/studio/projects/${projectId}/feedback/${feedbackId}/notes`, {
    text: `Secret internal note ${tag}`,
  });
  expect(note.status, note.text).toBe(201);
  const release = await releaseFixture(t.studio, clientId, tag);
  const invoice = await sentInvoice(t.studio, clientId, projectId, tag);
  // A Checkout Session the client opened for it (the studio's Stripe account is the stand-in's).
  const checkout = await browser.post(t.portalHost, `/api/portal/invoices/${invoice.invoiceId}/checkout`);
  expect(checkout.status, checkout.text).toBe(200);

  return {
    ...release,
    ...invoice,
    checkoutSessionId: checkout.body.sessionId as string,
    ...deliverable,
    ...files,
    deliverableCommentId: noted.body.comment.commentId,
    imageCommentId: imageComment.body.comment.commentId,
    feedbackId,
    attachmentId: attaching.body.attachment.attachmentId,
    projectId: project.body.project.projectId,
    milestoneId: project.body.project.milestones[0].milestoneId,
    clientId,
    email,
    name,
    session: sessionOf(browser, t.portalHost),
    browser,
    galleryId,
    galleryTitle,
    imageIds,
    fileNames,
    submissionId: confirmed.body.submission.submissionId,
    jobId: zip.body.job.jobId,
    linkId: link.body.link.linkId,
    shareToken,
    commentText,
  };
}

export async function tenantFixture(label: string): Promise<TenantFixture> {
  const tag = randomUUID().slice(0, 8);
  const slug = `${label.toLowerCase()}-${tag}`;
  const owner = { email: `owner-${slug}@example.com`, password: `Owner-${tag}-9Aa`, name: `${label} Owner` };
  const studioName = `${label} Studio ${tag}`;
  const studio = new Browser();
  const signedUp = await signUpAndSignIn(studio, { studioName, slug, ...owner });
  expect(signedUp.status).toBe(200);
  const { studioId } = await findStudioBySlugForTest(slug);
  // On a plan with every entitlement, so the owners' control calls reach each route's own rules.
  await setStudioPlanForTest(studioId, 'growth');
  const signUpMail = (await mailbox(studio.port)).find((m) => m.to.includes(owner.email));
  const verifyToken = /\/verify-email#token=([A-Za-z0-9_-]{43})/.exec(signUpMail?.text ?? '')?.[1];
  if (!verifyToken) throw new Error(`No verification link in the sign-up mail to ${owner.email}`);
  const me = await studio.get(DASHBOARD, '/api/studio/me');
  const base = {
    slug,
    studioId,
    studioName,
    owner,
    studio,
    ownerUserId: me.body.user.userId as string,
    studioSession: sessionOf(studio, DASHBOARD),
    portalHost: portal(slug),
  };
  await connectStripe(studio, studioId, `${studioName} Ltd`);
  const first = await clientFixture(base, `${label}A`);
  const second = await clientFixture(base, `${label}B`);
  expect((await new Browser(studio.port).post(base.portalHost, '/api/portal/magic-link', { email: first.email })).status).toBe(202);
  const member = await joinTeam(studio, 'member', `${label.toLowerCase()}-member`);
  const pending = await invite(studio, 'admin', `${label.toLowerCase()}-pending`);
  const unused = await invite(studio, 'member', `${label.toLowerCase()}-joiner`);
  return {
    ...base,
    clients: [first, second],
    magicToken: await latestTokenFor(first.email, studio.port),
    verifyToken,
    member,
    inviteId: pending.inviteId,
    inviteToken: unused.token,
  };
}

/** What a sample request of one of `t`'s clients names: that client's records and tokens. */
export const sampleContextOf = (t: TenantFixture, c: ClientFixture): SampleContext => ({
  studioId: t.studioId,
  galleryId: c.galleryId,
  imageId: c.imageIds[0] as string,
  submissionId: c.submissionId,
  jobId: c.jobId,
  linkId: c.linkId,
  clientId: c.clientId,
  clientEmail: c.email,
  studioEmail: t.owner.email,
  studioPassword: t.owner.password,
  slug: t.slug,
  magicToken: t.magicToken,
  verifyToken: t.verifyToken,
  shareToken: c.shareToken,
  inviteId: t.inviteId,
  inviteToken: t.inviteToken,
  memberUserId: t.member.userId,
  ownerUserId: t.ownerUserId,
  projectId: c.projectId,
  milestoneId: c.milestoneId,
  deliverableId: c.deliverableId,
  version: String(c.version),
  deliverableCommentId: c.deliverableCommentId,
  imageCommentId: c.imageCommentId,
  folderId: c.folderId,
  fileId: c.fileId,
  fileVersion: c.fileVersion,
  feedbackId: c.feedbackId,
  attachmentId: c.attachmentId,
  templateId: c.templateId,
  releaseId: c.releaseId,
  signerId: c.signerId,
  signingToken: c.signingToken,
  invoiceId: c.invoiceId,
  checkoutSessionId: c.checkoutSessionId,
});
