// A studio with a crowded project for conversation tests: clients signed in on the portal, team
// members signed in on the dashboard, one project with every one of them, and a few outsiders.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { findStudioBySlugForTest, setStudioPlanForTest } from '../../support/fixtures.ts';
import { Browser, DASHBOARD, portal, signUpAndSignIn } from '../../support/http.ts';
import { latestTokenFor } from '../../support/portal-actors.ts';
import { joinTeam, type TeamMate } from '../team/actors.ts';

export interface Contact {
  clientId: string;
  name: string;
  browser: Browser;
}

export interface Crowd {
  studioId: string;
  slug: string;
  portalHost: string;
  owner: Browser;
  ownerUserId: string;
  ownerName: string;
  /** Contacts of the project. */
  contacts: Contact[];
  /** Members on the project. */
  team: TeamMate[];
  /** A member on no project, a client on no project. */
  outsiderMember: TeamMate;
  outsiderClient: Contact;
  projectId: string;
  threadId: string;
}

export const studioThread = (threadId: string, path = '') => `/api/studio/threads/${threadId}${path}`;
export const portalThread = (threadId: string, path = '') => `/api/portal/threads/${threadId}${path}`;

async function signedInClient(owner: Browser, portalHost: string, name: string): Promise<Contact> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@example.com`;
  const invited = await owner.post(DASHBOARD, '/api/studio/clients', { email, name });
  expect(invited.status, invited.text).toBe(201);
  const browser = new Browser(owner.port);
  const redeemed = await browser.post(portalHost, '/api/portal/session', { token: await latestTokenFor(email, owner.port) });
  expect(redeemed.status, redeemed.text).toBe(200);
  return { clientId: invited.body.client.clientId, name, browser };
}

export async function crowd(label: string, contacts = 3, members = 2): Promise<Crowd> {
  const tag = randomUUID().slice(0, 8);
  const slug = `${label.toLowerCase()}-${tag}`;
  const owner = new Browser();
  const ownerName = `${label} Owner`;
  const signedUp = await signUpAndSignIn(owner, {
    studioName: `${label} Studio ${tag}`,
    slug,
    name: ownerName,
    email: `owner-${slug}@example.com`,
    password: `Owner-${tag}-9Aa`,
  });
  expect(signedUp.status, signedUp.text).toBe(200);
  const { studioId } = await findStudioBySlugForTest(slug);
  await setStudioPlanForTest(studioId, 'growth');
  const me = await owner.get(DASHBOARD, '/api/studio/me');
  const portalHost = portal(slug);
  const people: Contact[] = [];
  for (let i = 0; i < contacts; i++) people.push(await signedInClient(owner, portalHost, `Contact ${i + 1} ${label}`));
  const team: TeamMate[] = [];
  for (let i = 0; i < members; i++) team.push(await joinTeam(owner, 'member', `${label.toLowerCase()}-m${i + 1}`));
  const outsiderMember = await joinTeam(owner, 'member', `${label.toLowerCase()}-outsider`);
  const outsiderClient = await signedInClient(owner, portalHost, `Outsider ${label}`);
  const project = await owner.post(DASHBOARD, '/api/studio/projects', {
    title: `Talk ${tag}`,
    contactIds: people.map((c) => c.clientId),
    leadId: me.body.user.userId,
    team: [{ userId: me.body.user.userId }, ...team.map((m) => ({ userId: m.userId }))],
    status: 'in_progress',
  });
  expect(project.status, project.text).toBe(201);
  const projectId = project.body.project.projectId as string;
  return {
    studioId,
    slug,
    portalHost,
    owner,
    ownerUserId: me.body.user.userId,
    ownerName,
    contacts: people,
    team,
    outsiderMember,
    outsiderClient,
    projectId,
    threadId: `project-${projectId}`,
  };
}
