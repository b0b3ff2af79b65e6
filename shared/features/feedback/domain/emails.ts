// The branded mail that tells a client their feedback on a project is done, or declined and why.
import { sendMail } from '../../../adapters/mail.ts';
import { portalUrl } from '../../../config.ts';
import { logger } from '../../../logger.ts';
import { subjectName } from '../../../safe-text.ts';
import { letterBrand, renderLetter } from '../../branding/index.ts';
import type { Client } from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';
import type { TaskRecord } from '../records.ts';

/** Sent after the triage write it reports: a mail that fails is logged, the state stands. */
export async function mailFeedbackClosed(studio: Studio, client: Client, task: TaskRecord, projectTitle: string): Promise<void> {
  const brand = letterBrand(studio);
  const done = task.state === 'done';
  try {
    await sendMail({
      to: client.email,
      fromName: studio.name,
      replyTo: brand.supportEmail ?? undefined,
      subject: done ? `Done: ${subjectName(task.subject)}` : `About your feedback: ${subjectName(task.subject)}`,
      ...renderLetter({
        brand: { ...brand, welcomeMessage: null },
        greeting: `Hi ${client.name},`,
        paragraphs: done
          ? [`${studio.name} has finished what you asked for in “${task.subject}” (${projectTitle}).`]
          : [`${studio.name} has decided not to take up “${task.subject}” (${projectTitle}).`, `Their reason: ${task.declineReason ?? ''}`],
        button: { label: 'See your feedback', url: `${portalUrl(studio.slug)}/projects/${task.projectId}#feedback` },
        footnote: 'You get this email because you sent this feedback from your portal.',
      }),
    });
  } catch (error) {
    logger.error('A feedback mail could not be sent', { error });
  }
}
