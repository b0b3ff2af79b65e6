// The branded mail that invites someone into a studio's team.
import { subjectName } from '../../../safe-text.ts';
import { letterBrand, renderLetter } from '../../branding/index.ts';
import { ROLE_NAMES, type Studio } from '../../studios/index.ts';
import type { TeamInvitation } from '../records.ts';

export function teamInvitationEmail(studio: Studio, inviterName: string, invitation: TeamInvitation, link: string, days: number) {
  const role = ROLE_NAMES[invitation.role].toLowerCase();
  return {
    subject: `${subjectName(inviterName)} invited you to the ${subjectName(studio.name)} team on Portico`,
    ...renderLetter({
      // The welcome message is for clients; a team invitation is not one.
      brand: { ...letterBrand(studio), welcomeMessage: null },
      greeting: `Hi ${invitation.name},`,
      paragraphs: [
        `${inviterName} invited you to join ${studio.name}'s studio dashboard as ${role === 'admin' ? 'an' : 'a'} ${role}.`,
        'Open the link below, choose your name and a password, and you are in. You then sign in with this email address.',
      ],
      button: { label: 'Join the team', url: link },
      footnote: `This link works once, for ${days} days. If you weren't expecting this email, you can ignore it.`,
    }),
  };
}
