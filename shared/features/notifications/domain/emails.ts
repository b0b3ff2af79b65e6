// The notification emails: a thread's burst ("3 new messages in …") and the daily digest. Both go
// from scheduled jobs, never inline; every text is escaped by the branded letter.
import { sendMail } from '../../../adapters/mail.ts';
import { dashboardUrl, portalUrl } from '../../../config.ts';
import { subjectName } from '../../../safe-text.ts';
import { letterBrand, renderLetter } from '../../branding/index.ts';
import { getClient } from '../../clients/index.ts';
import { type PersonKey, parsePersonKey } from '../../people/index.ts';
import { getStudio, getStudioUser, type Studio } from '../../studios/index.ts';
import { NOTIFICATION_LIMITS } from '../constants.ts';
import type { NoteRecord, NoteThreadRecord } from '../records.ts';

export interface Addressee {
  name: string;
  email: string;
  side: 'studio' | 'client';
}

/** Who a person is for mail, in this studio only (a removed user or a revoked contact: null). */
export async function addresseeOf(studioId: string, person: PersonKey): Promise<Addressee | null> {
  const parsed = parsePersonKey(person);
  if (!parsed) return null;
  if (parsed.side === 'studio') {
    const user = await getStudioUser(parsed.id);
    return user && user.studioId === studioId ? { name: user.name, email: user.email, side: 'studio' } : null;
  }
  const client = await getClient(studioId, parsed.id);
  return client && !client.revokedAt ? { name: client.name, email: client.email, side: 'client' } : null;
}

const hostUrl = (studio: Studio, who: Addressee, path: string) =>
  `${who.side === 'studio' ? dashboardUrl() : portalUrl(studio.slug)}${path}`;

export async function studioOf(studioId: string): Promise<Studio | null> {
  return getStudio(studioId);
}

/** One email for a burst: its unseen messages (the first few, "and N more") and the thread's link. */
export async function mailBurst(studio: Studio, who: Addressee, thread: NoteThreadRecord): Promise<void> {
  const lines = thread.burst.filter((b) => b.seq > thread.seenSeq).map((b) => b.line);
  const more = Math.max(0, thread.burstCount - lines.length);
  const where = thread.projectTitle ?? 'your conversation';
  const count = lines.length + more;
  await sendMail({
    to: who.email,
    fromName: studio.name,
    subject: count === 1 ? `New message in ${subjectName(where)}` : `${count} new messages in ${subjectName(where)}`,
    ...renderLetter({
      brand: { ...letterBrand(studio), welcomeMessage: null, ...(who.side === 'studio' ? { poweredBy: false } : {}) },
      greeting: `Hi ${who.name},`,
      paragraphs: [
        count === 1 ? `There is a new message in ${where}:` : `There are ${count} new messages in ${where}:`,
        [...lines, ...(more ? [`and ${more} more`] : [])].join('\n'),
      ],
      button: { label: 'Open the conversation', url: hostUrl(studio, who, thread.link) },
      footnote: `You get one email when messages wait unseen for ${NOTIFICATION_LIMITS.emailDelayMinutes} minutes. Change this in your notification settings.`,
    }),
  });
}

/** The daily digest of a person's unread notes. */
export async function mailDigest(studio: Studio, who: Addressee, notes: NoteRecord[], more: number): Promise<void> {
  const lines = notes.map((n) => (n.projectTitle ? `${n.projectTitle}: ${n.title}` : n.title));
  await sendMail({
    to: who.email,
    fromName: studio.name,
    subject: `Your daily summary: ${notes.length + more} unread ${notes.length + more === 1 ? 'notification' : 'notifications'}`,
    ...renderLetter({
      brand: { ...letterBrand(studio), welcomeMessage: null, ...(who.side === 'studio' ? { poweredBy: false } : {}) },
      greeting: `Hi ${who.name},`,
      paragraphs: ['Here is what you have not read yet:', [...lines, ...(more ? [`and ${more} more`] : [])].join('\n')],
      button: { label: 'See them all', url: hostUrl(studio, who, '/') },
      footnote: 'You get one summary a day because your notification email is set to a daily digest.',
    }),
  });
}
