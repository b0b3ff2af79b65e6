// Releases' mails: a signer's "please sign" (with their portal link or a one-time link), the
// countersigner's turn, the studio's "declined", and everyone's sealed copy (the PDF attached).
import { sendMail } from '../../../adapters/mail.ts';
import { dashboardUrl, portalUrl } from '../../../config.ts';
import { logger } from '../../../logger.ts';
import { subjectName } from '../../../safe-text.ts';
import { letterBrand, renderLetter } from '../../branding/index.ts';
import type { Studio } from '../../studios/index.ts';
import { RELEASE_KIND_NAMES } from '../constants.ts';
import type { ReleaseRecord, SignerRecord } from '../records.ts';

/** Mail goes out after the write it reports: a mail that fails is logged (and missing from the trail), the write stands. */
async function send(mail: Parameters<typeof sendMail>[0]): Promise<boolean> {
  try {
    await sendMail(mail);
    return true;
  } catch (error) {
    logger.error('A release mail could not be sent', { error });
    return false;
  }
}

/** 17 October 2026: how releases write a date, in mails and in documents. */
export const longDate = (d: string) =>
  new Date(`${d}T12:00:00.000Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Where a signer signs: their portal's release page, or the one-time link (its token in the fragment, never sent to a server). */
export const signingUrl = (studio: Studio, r: ReleaseRecord, signer: SignerRecord, token: string | null) =>
  token ? `${portalUrl(studio.slug)}/sign#t=${token}` : `${portalUrl(studio.slug)}/releases/${r.releaseId}`;

export function mailSigningRequest(
  studio: Studio,
  r: ReleaseRecord,
  signer: SignerRecord,
  token: string | null,
  reminder: boolean,
): Promise<boolean> {
  const brand = letterBrand(studio);
  const what = RELEASE_KIND_NAMES[r.kind].toLowerCase();
  return send({
    to: signer.email,
    fromName: studio.name,
    replyTo: brand.supportEmail ?? undefined,
    subject: `${reminder ? 'Reminder: ' : ''}${subjectName(studio.name)} asks you to sign ${subjectName(r.title)}`,
    ...renderLetter({
      brand: { ...brand, welcomeMessage: null },
      greeting: `Hi ${signer.name},`,
      paragraphs: [
        `${studio.name} has sent you a ${what} to sign: ${r.title}.`,
        r.deadline ? `Please review and sign it by ${longDate(r.deadline)}.` : 'Please review it and sign it when you are ready.',
        'You can also decline it, with a reason, from the same page. You can ask the studio for a paper copy at any time.',
      ],
      button: { label: 'Review and sign', url: signingUrl(studio, r, signer, token) },
      footnote: token
        ? 'This link is yours alone: it works until you sign or decline, and a newer email replaces it.'
        : 'The link asks you to sign in to the portal.',
    }),
  });
}

export function mailCountersignRequest(studio: Studio, r: ReleaseRecord): Promise<boolean> {
  if (!r.countersigner) return Promise.resolve(false);
  return send({
    to: r.countersigner.email,
    subject: `Ready for your countersignature: ${subjectName(r.title)}`,
    ...renderLetter({
      brand: { ...letterBrand(studio), welcomeMessage: null },
      greeting: `Hi ${r.countersigner.name},`,
      paragraphs: [`Everyone has signed ${r.title}. It is waiting for your countersignature, then it is sealed and sent to everyone.`],
      button: { label: 'Countersign', url: `${dashboardUrl()}/portal-manager/releases/${r.releaseId}` },
      footnote: 'The link asks you to sign in to the dashboard.',
    }),
  });
}

export function mailDeclined(studio: Studio, r: ReleaseRecord, to: string, who: string, reason: string): Promise<boolean> {
  return send({
    to,
    subject: `${subjectName(who)} declined ${subjectName(r.title)}`,
    ...renderLetter({
      brand: { ...letterBrand(studio), welcomeMessage: null },
      greeting: 'Hello,',
      paragraphs: [`${who} declined to sign ${r.title}.`, `Their reason: ${reason}`],
      button: { label: 'See the release', url: `${dashboardUrl()}/portal-manager/releases/${r.releaseId}` },
      footnote: 'A declined release cannot be signed any more: make a new one if the terms change.',
    }),
  });
}

/** Everyone's copy of the sealed PDF, attached (a very large one is linked from the portal instead). */
export function mailSealed(
  studio: Studio,
  r: ReleaseRecord,
  to: { name: string; email: string },
  pdf: Uint8Array,
  fileName: string,
): Promise<boolean> {
  const brand = letterBrand(studio);
  const attach = pdf.byteLength <= 7 * 1024 * 1024;
  return send({
    to: to.email,
    fromName: studio.name,
    replyTo: brand.supportEmail ?? undefined,
    subject: `Signed and sealed: ${subjectName(r.title)}`,
    ...renderLetter({
      brand: { ...brand, welcomeMessage: null },
      greeting: `Hi ${to.name},`,
      paragraphs: [
        `Everyone has signed ${r.title}. ${attach ? 'The sealed PDF is attached: keep it for your records.' : 'The sealed PDF is waiting for you in the portal.'}`,
      ],
      button: { label: 'Verify the PDF', url: `${dashboardUrl()}/verify` },
      footnote:
        'Anyone can check the PDF on that page: it says whether the file is exactly the one that was sealed. The file never leaves your device.',
    }),
    attachments: attach ? [{ fileName, contentType: 'application/pdf', content: pdf }] : undefined,
  });
}
