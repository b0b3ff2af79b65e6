// The deliverables' mails: a reviewer's "ready for review", the studio's "a client decided", and a
// reviewer's daily digest of what is due. Every text is escaped by the branded letter.
import { sendMail } from '../../../adapters/mail.ts';
import { dashboardUrl, portalUrl } from '../../../config.ts';
import { logger } from '../../../logger.ts';
import { subjectName } from '../../../safe-text.ts';
import { letterBrand, renderLetter } from '../../branding/index.ts';
import type { Client } from '../../clients/index.ts';
import type { Studio, StudioUser } from '../../studios/index.ts';
import { DECISION_LABELS, type Decision } from '../constants.ts';
import type { ReviewRequestRecord } from '../records.ts';

/** A deliverable's page on each host (paths: the notification centre links to them). */
export const portalDeliverablePath = (projectId: string, deliverableId: string) => `/projects/${projectId}/deliverables/${deliverableId}`;
export const studioDeliverablePath = (projectId: string, deliverableId: string) => `/projects/${projectId}/deliverables/${deliverableId}`;

/** Where a reviewer reviews a deliverable: the portal's deliverable page. */
export const reviewUrl = (studio: Studio, projectId: string, deliverableId: string) =>
  `${portalUrl(studio.slug)}/projects/${projectId}/deliverables/${deliverableId}`;

const longDate = (d: string) =>
  new Date(`${d}T12:00:00.000Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Mail goes out after the write it reports: a mail that fails is logged, the decision stands. */
async function send(mail: Parameters<typeof sendMail>[0]): Promise<void> {
  try {
    await sendMail(mail);
  } catch (error) {
    logger.error('A deliverable mail could not be sent', { error });
  }
}

export async function mailReviewRequest(
  studio: Studio,
  reviewer: Client,
  r: {
    projectId: string;
    projectTitle: string;
    deliverableId: string;
    title: string;
    version: number;
    dueDate: string | null;
    message: string | null;
  },
): Promise<void> {
  const brand = letterBrand(studio);
  await send({
    to: reviewer.email,
    fromName: studio.name,
    replyTo: brand.supportEmail ?? undefined,
    subject: `${subjectName(r.title)} is ready for your review`,
    ...renderLetter({
      brand: { ...brand, welcomeMessage: null },
      greeting: `Hi ${reviewer.name},`,
      paragraphs: [
        `${studio.name} has version ${r.version} of ${r.title} (${r.projectTitle}) ready for you to review.`,
        ...(r.message ? [r.message] : []),
        r.dueDate
          ? `Please approve it, or say what should change, by ${longDate(r.dueDate)}.`
          : 'Approve it, or say what should change, when you have looked it over.',
      ],
      button: { label: 'Review it', url: reviewUrl(studio, r.projectId, r.deliverableId) },
      footnote: 'You can pin comments on the preview, then decide. The link asks you to sign in to the portal.',
    }),
  });
}

export async function mailDecision(
  studio: Studio,
  lead: StudioUser,
  d: { projectId: string; projectTitle: string; deliverableId: string; title: string; version: number },
  who: string,
  decision: Decision,
  note: string | null,
): Promise<void> {
  const link = `${dashboardUrl()}/projects/${d.projectId}/deliverables/${d.deliverableId}`;
  await send({
    to: lead.email,
    subject: `${subjectName(who)}: ${DECISION_LABELS[decision].toLowerCase()} on ${subjectName(d.title)} v${d.version}`,
    ...renderLetter({
      brand: { ...letterBrand(studio), welcomeMessage: null, poweredBy: false },
      greeting: `Hi ${lead.name},`,
      paragraphs: [
        `${who} decided on version ${d.version} of ${d.title} (${d.projectTitle}): ${DECISION_LABELS[decision].toLowerCase()}.`,
        ...(note ? [`Their note: ${note}`] : []),
      ],
      button: { label: 'Open the deliverable', url: link },
      footnote: 'You get this email for the projects you lead.',
    }),
  });
}

export async function mailDigest(studio: Studio, reviewer: Client, due: ReviewRequestRecord[], today: string): Promise<void> {
  const lines = due.map(
    (r) =>
      `${r.title} v${r.version} (${r.projectTitle}): ${r.dueDate && r.dueDate < today ? `overdue since ${longDate(r.dueDate)}` : `due ${longDate(r.dueDate ?? today)}`}`,
  );
  const [first] = due as [ReviewRequestRecord];
  await send({
    to: reviewer.email,
    fromName: studio.name,
    subject:
      due.length === 1
        ? `Reminder: ${subjectName(first.title)} waits for your review`
        : `Reminder: ${due.length} deliverables wait for your review`,
    ...renderLetter({
      brand: { ...letterBrand(studio), welcomeMessage: null },
      greeting: `Hi ${reviewer.name},`,
      paragraphs: [`${studio.name} is waiting on your review of:`, lines.join('\n')],
      button: {
        label: due.length === 1 ? 'Review it' : 'See what waits',
        url: due.length === 1 ? reviewUrl(studio, first.projectId, first.deliverableId) : portalUrl(studio.slug),
      },
      footnote: 'One reminder a day at most, only for what you have not decided yet.',
    }),
  });
}
