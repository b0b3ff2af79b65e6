// Team members as tests need them: invited by an owner or admin through the API, the link read
// from the local mail catcher, accepted like the invitee's browser would.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Role } from '../../../shared/features/studios/constants.ts';
import { Browser, DASHBOARD, mailbox } from '../../support/http.ts';

export const TEAM_PASSWORD = 'Teammate-2026-pass';

/** The token of the newest team invitation mailed to `email`. */
export async function inviteTokenFor(email: string, port?: number): Promise<string> {
  // The catcher lists the newest mail first.
  const mail = (await mailbox(port)).find((m) => m.to.includes(email) && /\/join#token=/.test(m.text));
  const token = /\/join#token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`No team invitation mailed to ${email}`);
  return token;
}

export interface Invited {
  inviteId: string;
  email: string;
  token: string;
}

/** Invites a fresh address with `role` and returns the invitation and its mailed token. */
export async function invite(by: Browser, role: Role, label = 'mate'): Promise<Invited> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
  const sent = await by.post(DASHBOARD, '/api/studio/team/invitations', { email, name: `${label} ${role}`, role });
  expect(sent.status, sent.text).toBe(201);
  return { inviteId: sent.body.invitation.inviteId, email, token: await inviteTokenFor(email, by.port) };
}

export interface TeamMate {
  userId: string;
  email: string;
  password: string;
  browser: Browser;
  /** The access token the dashboard's session cookie carries. */
  session: string;
}

export function sessionOf(browser: Browser): string {
  const token = browser.jar.get(DASHBOARD)?.get('portico_session');
  if (!token) throw new Error('no session cookie on the dashboard');
  return token;
}

/** Invites someone with `role` and accepts for them: they come back signed in. */
export async function joinTeam(by: Browser, role: Role, label = 'mate'): Promise<TeamMate> {
  const invited = await invite(by, role, label);
  const browser = new Browser(by.port);
  const joined = await browser.post(DASHBOARD, '/api/studio/team/join', {
    token: invited.token,
    name: `${label} ${role}`,
    password: TEAM_PASSWORD,
  });
  expect(joined.status, joined.text).toBe(200);
  return { userId: joined.body.user.userId, email: invited.email, password: TEAM_PASSWORD, browser, session: sessionOf(browser) };
}
