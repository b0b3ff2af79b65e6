// Branded emails a client receives, and Portico's own to studio owners. Plain text and HTML carry the same words.

import { subjectName } from '../../../safe-text.ts';
import { escapeHtml, invitationLetter, letterBrand, renderLetter, SIGN_IN_FOOTNOTE } from '../../branding/index.ts';
import type { Client } from '../../clients/index.ts';
import type { Studio } from '../../studios/index.ts';

/**
 * The letter itself (shared/features/branding/constants.ts) is shared with the branding editor's
 * preview; its branding is the studio record the request just read, so a change shows in the next mail.
 */
export function invitationEmail(studio: Studio, client: Client, link: string) {
  return {
    subject: `${subjectName(studio.name)} invited you to your client portal`,
    ...renderLetter(invitationLetter(letterBrand(studio), client.name, link, SIGN_IN_FOOTNOTE)),
  };
}

export function signInEmail(studio: Studio, client: Client, link: string) {
  const brand = letterBrand(studio);
  return {
    subject: `Your sign-in link for ${subjectName(studio.name)}`,
    ...renderLetter({
      // The welcome message greets a newcomer: a sign-in link is for someone who has been before.
      brand: { ...brand, welcomeMessage: null },
      greeting: `Hi ${client.name},`,
      paragraphs: [`Here is the link you asked for to sign in to ${studio.name}'s client portal.`],
      button: { label: 'Sign in', url: link },
      footnote: SIGN_IN_FOOTNOTE,
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
