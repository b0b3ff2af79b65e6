// The team end to end in Chromium: the demo studio's owner invites a member from Settings → Team,
// the invitee opens the link from the mail, chooses a name and password and lands signed in; later
// they sign in with that password. A member sees no Clients and no Plan in the dashboard, and the
// Plan page, opened by its address, says to ask an owner.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO } from '../../local/seed.ts';
import { haveChromium, launchChromium } from '../support/browser.ts';
import { mailbox } from '../support/http.ts';

const port = inject('porticoPort');
const dashboard = `http://localhost:${port}`;
const PASSWORD = 'Joined-the-team-2026';

describe.skipIf(!haveChromium)('team invitation → join → member dashboard, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an owner invite a member who joins, signs in, and cannot open the plan', async () => {
    const email = `e2e-team-${randomUUID().slice(0, 8)}@example.com`;

    // The owner invites from Settings → Team.
    const owner = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await owner.newPage();
    await page.goto(`${dashboard}/signin`);
    await page.getByLabel('Email').fill(DEMO.owner.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${dashboard}/`);
    await page.goto(`${dashboard}/settings/team`);
    await page.getByLabel('Name', { exact: true }).fill('Robin Member');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption('member');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByTestId('team-invitation').filter({ hasText: email }).count()).toBe(1);
    await owner.close();

    // The invitee follows the link of the mail and joins.
    const mail = (await mailbox()).find((m) => m.to.includes(email));
    expect(mail?.subject).toContain(DEMO.studio.name);
    const link = /http:\/\/\S+\/join#token=[A-Za-z0-9_-]{43}/.exec(mail!.text)?.[0];
    expect(link?.startsWith(`${dashboard}/join#token=`)).toBe(true);
    const invitee = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const joinPage = await invitee.newPage();
    await joinPage.goto(link!);
    // The token leaves the address at once.
    await expect.poll(() => joinPage.url()).toBe(`${dashboard}/join`);
    await joinPage.getByLabel('Your name').fill('Robin Member');
    await joinPage.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await joinPage.getByRole('button', { name: 'Join the team' }).click();
    await joinPage.waitForURL(`${dashboard}/`);
    await invitee.close();

    // Later they sign in with their own password.
    const member = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const m = await member.newPage();
    await m.goto(`${dashboard}/signin`);
    await m.getByLabel('Email').fill(email);
    await m.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await m.getByRole('button', { name: 'Sign in' }).click();
    await m.waitForURL(`${dashboard}/`);
    await expect.poll(() => m.getByRole('heading', { name: 'Your work' }).count()).toBe(1);
    const main = m.getByRole('navigation', { name: 'Main' });
    expect(await main.getByRole('link', { name: 'Galleries' }).count()).toBe(1);
    expect(await main.getByRole('link', { name: 'Clients' }).count()).toBe(0);

    // Settings: Team is there, Plan is not; its address says whom to ask.
    await m.goto(`${dashboard}/settings/team`);
    const settings = m.getByRole('navigation', { name: 'Settings' });
    await expect.poll(() => settings.getByRole('link', { name: 'Team' }).count()).toBe(1);
    expect(await settings.getByRole('link', { name: 'Plan' }).count()).toBe(0);
    await expect.poll(() => m.getByTestId('team-member').filter({ hasText: email }).count()).toBe(1);
    expect(await m.getByRole('button', { name: 'Send invitation' }).count()).toBe(0);
    await m.goto(`${dashboard}/settings/plan`);
    await expect.poll(() => m.getByRole('status').filter({ hasText: 'Ask an owner' }).count()).toBe(1);
    expect(await m.getByTestId('current-plan').count()).toBe(0);
    await member.close();
  });
});
