// The agency demo studio, Fieldwork Design (Growth): a design agency's portal rather than a
// photographer's. One client company with two contacts, a rebrand project at 60 % done with its
// team, and (added by seedAgencyWork) deliverables in every review state and shared files, all
// made here: PDFs with pdf-lib, images with sharp, a short WebM video (local/demo-media.ts).

import { randomUUID } from 'node:crypto';
import { createUser } from '../shared/adapters/identity.ts';
import { putObject } from '../shared/adapters/storage.ts';
import { objects } from '../shared/data/objects.ts';
import { createClient } from '../shared/features/clients/domain/clients.ts';
import type { Client } from '../shared/features/clients/records.ts';
import { markSeen, sendMessage } from '../shared/features/conversations/domain/messages.ts';
import { threadForClient, threadForStudio } from '../shared/features/conversations/domain/threads.ts';
import {
  completeVersion,
  createDeliverable,
  getStudioDeliverable,
  sendVersion,
  startVersion,
} from '../shared/features/deliverables/domain/deliverables.ts';
import { decide } from '../shared/features/deliverables/domain/review.ts';
import { addClientComment, addStudioComment } from '../shared/features/deliverables/domain/threads.ts';
import { addTaskNote, submitProjectFeedback, triageTask } from '../shared/features/feedback/index.ts';
import { createProject } from '../shared/features/projects/domain/projects.ts';
import type { Project } from '../shared/features/projects/records.ts';
import { createStudio } from '../shared/features/studios/domain/studios.ts';
import type { Studio, StudioUser } from '../shared/features/studios/records.ts';
import { addTeamMember } from '../shared/features/team/index.ts';
import { seedProjectFiles } from './demo-files.ts';
import { demoLogo, demoLogoSheet, demoPhoto } from './demo-images.ts';
import { demoPdf, demoVideo } from './demo-media.ts';
import { seedAgencyInvoices } from './seed-invoices.ts';
import { seedAgencyContract } from './seed-releases.ts';
import type { StripeStandIn } from './stripe-stand-in.ts';

export const AGENCY = {
  studio: { name: 'Fieldwork Design', slug: 'fieldwork', accentColor: '#1f5f8b' },
  owner: { name: 'Tess Morgan', email: 'studio@fieldwork.example', password: 'Fieldwork-2026' },
  designer: { name: 'Omar Haddad', email: 'designer@fieldwork.example', password: 'Fieldwork-Design-2026' },
  contacts: [
    { name: 'Jordan Ellis', email: 'jordan@harborpine.example' },
    { name: 'Priya Nair', email: 'priya@harborpine.example' },
  ],
  project: 'Harbor & Pine rebrand',
} as const;

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export interface AgencyBase {
  studio: Studio;
  owner: StudioUser;
  designer: StudioUser;
  contacts: Client[];
  project: Project;
}

/** The studio, its team, the client's contacts and the project with its milestones. */
export async function seedAgencyBase(): Promise<AgencyBase> {
  const ownerId = await createUser('studio', AGENCY.owner.email, AGENCY.owner.email, AGENCY.owner.password);
  const studioId = randomUUID();
  const logoKey = objects.logo(studioId, 'png');
  await putObject(logoKey, await demoLogo('F', AGENCY.studio.accentColor), 'image/png');
  const { studio, user: owner } = await createStudio({
    studioId,
    name: AGENCY.studio.name,
    slug: AGENCY.studio.slug,
    owner: { userId: ownerId, email: AGENCY.owner.email, name: AGENCY.owner.name },
    branding: {
      accentColor: AGENCY.studio.accentColor,
      logoKey,
      plan: 'growth',
      welcomeMessage: 'Everything for your project in one place: what needs your review, where we stand, and the files.',
      supportEmail: 'hello@fieldwork.example',
    },
    emailVerified: true,
  });
  const designerId = await createUser('studio', AGENCY.designer.email, AGENCY.designer.email, AGENCY.designer.password);
  const designer = await addTeamMember(studio, {
    userId: designerId,
    email: AGENCY.designer.email,
    name: AGENCY.designer.name,
    role: 'member',
  });
  const contacts = [];
  for (const c of AGENCY.contacts) contacts.push(await createClient(studio.studioId, { email: c.email, name: c.name }));
  const project = await createProject(studio, {
    title: AGENCY.project,
    contactIds: contacts.map((c) => c.clientId),
    leadId: ownerId,
    team: [{ userId: designerId, projectRole: 'Lead designer' }],
    status: 'in_review',
    startDate: addDays(-40),
    dueDate: addDays(30),
    summary: 'A new identity for Harbor & Pine: logo, colours, type, packaging and the launch film.',
    internalNotes: 'Fixed fee; two rounds of changes included per deliverable.',
    // Weighted 3 + 2 + 1 done of 10: 60 %.
    milestones: [
      { title: 'Discovery workshop', dueDate: addDays(-35), weight: 3, done: true },
      { title: 'Logo concepts', dueDate: addDays(-20), weight: 2, done: true },
      { title: 'Colour and type', dueDate: addDays(-10), weight: 1, done: true },
      { title: 'Packaging', dueDate: addDays(10), weight: 2 },
      { title: 'Launch film and hand-over', dueDate: addDays(28), weight: 2 },
    ],
  });
  return { studio, owner, designer, contacts, project };
}

type StudioSession = { studio: Studio; user: StudioUser };

interface DemoUpload {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A version as the API makes one: the ticket, the bytes where it points, completion. */
async function uploadVersion(session: StudioSession, projectId: string, deliverableId: string, file: DemoUpload): Promise<number> {
  const { version } = await startVersion(session, projectId, deliverableId, {
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.bytes.length,
  });
  await putObject(objects.deliverableUpload(session.studio.studioId, projectId, deliverableId, version), file.bytes, file.contentType);
  await completeVersion(session, projectId, deliverableId, version, undefined);
  return version;
}

/** Waits until the pipeline previewed each version (ready), or says which did not, and why. */
async function untilVersionsReady(
  session: StudioSession,
  projectId: string,
  waiting: Array<{ deliverableId: string; version: number; title: string }>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let left = waiting;
  while (left.length > 0) {
    const seen = await Promise.all(
      left.map(async (w) => {
        const { deliverable: d } = await getStudioDeliverable(session, projectId, w.deliverableId);
        return { w, v: d.versions.find((x) => x.version === w.version) };
      }),
    );
    const failed = seen.filter(({ v }) => v?.status === 'failed');
    if (failed.length > 0)
      throw new Error(
        `The deliverables pipeline refused demo files: ${failed.map(({ w, v }) => `${w.title}: ${v?.failureReason}`).join('; ')}`,
      );
    left = seen.filter(({ v }) => v?.status !== 'ready').map(({ w }) => w);
    if (left.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `The deliverables pipeline did not preview ${left.map((w) => `${w.title} v${w.version}`).join(', ')} within ${timeoutMs / 1000} s. ` +
          'Set PORTICO_VERBOSE=1 or POWERTOOLS_LOG_LEVEL=INFO to see the pipeline logs.',
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The project's work, through the deliverables' and files' own domain code: "Brand guidelines" (a
 * 6-page PDF) and "Logo suite" (an image) waiting on both contacts, "Launch film" (a WebM) approved
 * by both and locked, "Packaging concepts" sent back with changes (a pin on page 2, the studio's
 * reply) and its version 2 in review, "Shopfront signage" a draft the client does not see; and the
 * shared files in two folders. Returns once every preview is made.
 */
export async function seedAgencyWork(base: AgencyBase, payments: { stripe: StripeStandIn; port: number }): Promise<void> {
  const { studio, owner, designer, project } = base;
  const { projectId } = project;
  await seedAgencyContract(studio, owner, base.contacts[0] as Client, projectId);
  await seedAgencyInvoices(payments.stripe, payments.port, studio, owner, base.contacts[0] as Client, projectId);
  const lead: StudioSession = { studio, user: owner };
  const team: StudioSession = { studio, user: designer };
  const [jordan, priya] = base.contacts.map((client) => ({ studio, client })) as [
    { studio: Studio; client: Client },
    { studio: Studio; client: Client },
  ];
  const brand = [AGENCY.studio.accentColor, '#17324a', '#e9b44c'] as const;

  // The files are made while the deliverables are created: both are CPU-light but not free.
  const [guidelinesPdf, logoSheet, film, packagingV1, packagingV2, signage] = await Promise.all([
    demoPdf(6, 'Harbor & Pine brand guidelines'),
    demoLogoSheet('Harbor & Pine', brand),
    demoVideo({ seconds: 3 }),
    demoPdf(3, 'Packaging concepts, round 1'),
    demoPdf(3, 'Packaging concepts, round 2'),
    demoPhoto(7, 'Shopfront signage mock-up', { takenAt: new Date(), make: 'Apple', model: 'iPhone 15', portrait: false }),
  ]);
  const plan = [
    {
      key: 'guidelines',
      body: {
        title: 'Brand guidelines',
        description: 'How the identity is used: logo spacing, colour values, type scale and tone of voice.',
        dueDate: addDays(5),
      },
      file: { fileName: 'Harbor & Pine brand guidelines.pdf', contentType: 'application/pdf', bytes: guidelinesPdf },
    },
    {
      key: 'logo',
      body: { title: 'Logo suite', description: 'The primary mark, the reversed version and the mark on dark.', dueDate: addDays(3) },
      file: { fileName: 'Logo suite.png', contentType: 'image/png', bytes: logoSheet },
    },
    {
      key: 'film',
      body: { title: 'Launch film', description: 'A short film for the launch evening and social channels.' },
      file: { fileName: 'Launch film.webm', contentType: 'video/webm', bytes: film },
    },
    {
      key: 'packaging',
      body: { title: 'Packaging concepts', description: 'Two directions for the coffee bags and the gift box.', dueDate: addDays(8) },
      file: { fileName: 'Packaging concepts v1.pdf', contentType: 'application/pdf', bytes: packagingV1 },
    },
    {
      key: 'signage',
      body: { title: 'Shopfront signage', description: 'The fascia and window lettering for the Harbour Street shop.' },
      file: { fileName: 'Shopfront signage mock-up.jpg', contentType: 'image/jpeg', bytes: signage },
    },
  ] as const;
  const ids: Record<(typeof plan)[number]['key'], string> = { guidelines: '', logo: '', film: '', packaging: '', signage: '' };
  for (const p of plan) ids[p.key] = (await createDeliverable(lead, projectId, p.body)).deliverableId;
  // Every version 1 uploaded at once, so the pipeline previews them side by side.
  await Promise.all(plan.map((p) => uploadVersion(lead, projectId, ids[p.key], p.file)));
  await untilVersionsReady(
    lead,
    projectId,
    plan.map((p) => ({ deliverableId: ids[p.key], version: 1, title: p.body.title })),
  );

  await sendVersion(lead, projectId, ids.guidelines, 1, {
    message: 'The full guidelines are here. Page 4 has the colour values for your printers; tell us if anything reads unclear.',
  });
  await sendVersion(lead, projectId, ids.logo, 1, { message: 'The final logo suite, ready for your sign-off.' });
  await sendVersion(lead, projectId, ids.film, 1, { message: 'The cut for the launch evening, with the music we agreed on.' });
  await sendVersion(lead, projectId, ids.packaging, 1, {
    message: 'Two directions for the bags and the gift box. Which one feels more like Harbor & Pine?',
  });

  // The film: both contacts approve; the second approval closes the round and locks it.
  await decide(jordan, projectId, ids.film, 1, { decision: 'approve' });
  await decide(priya, projectId, ids.film, 1, { decision: 'approve', note: 'Lovely pacing. Ready for the launch.' });

  // The packaging: a pinned comment on page 2, the studio's reply, then changes requested.
  const pinned = await addClientComment(jordan, projectId, ids.packaging, 1, {
    text: 'Could the pine illustration sit a little lower, so it does not crowd the name?',
    pin: { kind: 'point', x: 0.42, y: 0.36, page: 2 },
  });
  await addStudioComment(team, projectId, ids.packaging, 1, {
    text: 'Good catch. We will drop it by a third and give the name more room in round 2.',
    parentId: pinned.commentId,
  });
  await decide(priya, projectId, ids.packaging, 1, {
    decision: 'request_changes',
    note: 'We prefer direction B. Please use the warmer kraft paper and move the illustration down as Jordan suggested.',
  });
  const v2 = await uploadVersion(lead, projectId, ids.packaging, {
    fileName: 'Packaging concepts v2.pdf',
    contentType: 'application/pdf',
    bytes: packagingV2,
  });

  // The shared files preview while version 2 does.
  await seedProjectFiles(studio, owner, projectId, base.contacts[0] as Client);
  await untilVersionsReady(lead, projectId, [{ deliverableId: ids.packaging, version: v2, title: 'Packaging concepts' }]);
  await sendVersion(lead, projectId, ids.packaging, v2, {
    message: 'Round 2: direction B on kraft, with the illustration moved down. Compare it with round 1 side by side.',
  });

  // Two feedback items: a new one in Tess's inbox, and one she accepted and gave Omar, with his note only the team sees.
  await submitProjectFeedback(priya, projectId, {
    subject: 'Shop signage at night',
    message: 'Could we see how the sign reads when it is lit after dark? The street is quite dim.',
    category: 'design',
  });
  const tagline = await submitProjectFeedback(jordan, projectId, {
    subject: 'Tagline on the website header',
    message: 'The tagline wraps onto two lines on my phone. Could it stay on one?',
    category: 'technical',
  });
  await triageTask(lead, projectId, tagline.feedbackId, {
    revision: 1,
    state: 'accepted',
    assigneeId: designer.userId,
    dueDate: addDays(5),
  });
  await addTaskNote(team, projectId, tagline.feedbackId, 'Happens under 380 px. A shorter line for small screens, not a smaller font.');

  await seedAgencyConversation(base);
}

/**
 * The project's conversation (the lead, the designer and both contacts; one @mention; read
 * receipts) and one message in Jordan's general thread with the studio, through the same use
 * cases the routes call.
 */
async function seedAgencyConversation(base: AgencyBase): Promise<void> {
  const { studio, owner, designer, project } = base;
  const [jordan, priya] = base.contacts as [Client, Client];
  const threadId = `project-${project.projectId}`;
  const as = {
    tess: () => threadForStudio({ studio, user: owner }, threadId),
    omar: () => threadForStudio({ studio, user: designer }, threadId),
    jordan: () => threadForClient({ studio, client: jordan }, threadId),
    priya: () => threadForClient({ studio, client: priya }, threadId),
  };
  const say = async (who: keyof typeof as, text: string, mentions: `client:${string}`[] = []) =>
    (await sendMessage(await as[who](), { text, mentions })).seq;
  await say('jordan', 'Hi Tess, we showed packaging round 2 to the shop team this morning. The kraft direction won them over.');
  await say('tess', 'Wonderful. Omar is preparing the print-ready files this week.');
  await say('omar', 'Dielines by Thursday. Is there a preference for the ribbon on the gift box?');
  await say('priya', 'Deep green, like the pine in the logo. Our shop page has the shade: https://harborpine.example/shop');
  await say('tess', `@${priya.name} perfect, we will match it to Pine Green. Could you confirm the quantities for the first print run?`, [
    `client:${priya.clientId}`,
  ]);
  await say('priya', '500 bags and 200 gift boxes for the launch.');
  await say('jordan', 'One more thing: could we have a 30-second cut of the launch film for social?');
  const last = await say('tess', 'Yes. Omar will include a 30-second cut with the next round of the film.');
  await markSeen(await as.jordan(), last);
  await markSeen(await as.omar(), last);
  await markSeen(await as.priya(), last - 1);

  const general = await threadForStudio({ studio, user: owner }, `client-${jordan.clientId}`);
  await sendMessage(general, {
    text: 'Jordan, a note outside the project: the studio is closed from 24 December to 2 January. Anything urgent before then, write here.',
  });
}
