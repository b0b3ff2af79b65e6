// Branded emails a client receives. Plain text and HTML carry the same words.

import { subjectName } from '../../../safe-text.ts';
import type { Client } from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export interface Letter {
  studio: Studio;
  greeting: string;
  paragraphs: string[];
  button: { label: string; url: string };
  footnote: string;
}

/** A mail in the studio's colours and name: every text in it is escaped, so a name is never HTML. */
export function studioLetter(letter: Letter): { text: string; html: string } {
  const { studio } = letter;
  const text = [
    letter.greeting,
    '',
    ...letter.paragraphs.flatMap((p) => [p, '']),
    `${letter.button.label}: ${letter.button.url}`,
    '',
    letter.footnote,
    studio.supportEmail ? `Questions? Write to ${studio.supportEmail}.` : '',
    '',
    `— ${studio.name}`,
  ].join('\n');
  const accent = /^#[0-9a-fA-F]{6}$/.test(studio.accentColor) ? studio.accentColor : '#3d5afe';
  const html = `<!doctype html><html lang="en"><body style="margin:0;background:#f5f5f7;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1d1f">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#fff;border-radius:12px;padding:32px">
<tr><td style="font-size:20px;font-weight:600;border-bottom:3px solid ${accent};padding-bottom:12px">${escapeHtml(studio.name)}</td></tr>
<tr><td style="padding-top:20px;font-size:16px;line-height:1.5">
<p>${escapeHtml(letter.greeting)}</p>
${letter.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p style="padding:12px 0"><a href="${escapeHtml(letter.button.url)}" style="background:${accent};color:#fff;text-decoration:none;padding:12px 20px;border-radius:8px;display:inline-block;font-weight:600">${escapeHtml(letter.button.label)}</a></p>
<p style="font-size:13px;color:#6e6e73">${escapeHtml(letter.footnote)}</p>
${studio.supportEmail ? `<p style="font-size:13px;color:#6e6e73">Questions? Write to <a href="mailto:${escapeHtml(studio.supportEmail)}">${escapeHtml(studio.supportEmail)}</a>.</p>` : ''}
</td></tr></table></td></tr></table></body></html>`;
  return { text, html };
}

const footnote =
  "This button signs you in once and works for 15 minutes. If it has expired, you can ask for a new one from the page it opens. If you weren't expecting this email, you can ignore it.";

export function invitationEmail(studio: Studio, client: Client, link: string) {
  return {
    subject: `${subjectName(studio.name)} invited you to your client portal`,
    ...studioLetter({
      studio,
      greeting: `Hi ${client.name},`,
      paragraphs: [
        `${studio.name} has set up a private client portal for you. Your galleries, files and everything else you share with ${studio.name} are waiting there.`,
        'No password needed: the button below signs you in.',
      ],
      button: { label: 'Open your portal', url: link },
      footnote,
    }),
  };
}

export function signInEmail(studio: Studio, client: Client, link: string) {
  return {
    subject: `Your sign-in link for ${subjectName(studio.name)}`,
    ...studioLetter({
      studio,
      greeting: `Hi ${client.name},`,
      paragraphs: [`Here is the link you asked for to sign in to ${studio.name}'s client portal.`],
      button: { label: 'Sign in', url: link },
      footnote,
    }),
  };
}

/** Portico's own mails to a studio owner: plain words, the same in text and HTML. */
function ownerLetter(subject: string, paragraphs: string[], link: { label: string; url: string }) {
  const text = [...paragraphs.flatMap((p) => [p, '']), `${link.label}: ${link.url}`, '', '— Portico'].join('\n');
  const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1d1f;line-height:1.5">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>
<p>— Portico</p></body></html>`;
  return { subject, text, html };
}

export function studioReadyEmail(studio: Studio, signInUrl: string, verifyUrl?: string) {
  const intro = `Welcome to Portico. Your studio ${studio.name} is ready, and its client portal is at ${studio.slug}.`;
  if (verifyUrl) {
    return ownerLetter(
      `Your studio ${subjectName(studio.name)} is ready: confirm your email`,
      [
        intro,
        'Please confirm that this email address is yours: until you do, your studio can invite only a few clients an hour. The link works once, for 7 days.',
        `Then sign in with this email address and the password you chose: ${signInUrl}`,
      ],
      { label: 'Confirm your email', url: verifyUrl },
    );
  }
  return ownerLetter(
    `Your studio ${subjectName(studio.name)} is ready`,
    [intro, 'Sign in with this email address and the password you chose.'],
    { label: 'Sign in to your studio', url: signInUrl },
  );
}

export function signUpAttemptEmail(signInUrl: string) {
  return ownerLetter(
    'Someone tried to sign up with your email',
    [
      'Someone tried to create a Portico studio with this email address, which already has an account. Nothing was changed, and no new studio was created.',
      'If it was you, sign in to your studio instead (the sign-in page can help if you forgot your password). If it was not, you can ignore this email.',
    ],
    { label: 'Sign in', url: signInUrl },
  );
}
