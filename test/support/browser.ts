// Debian's Chromium driven by playwright-core. Without Chromium a browser test may only skip on a
// developer's machine, loudly; in CI (CI=true) it fails.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

if (!haveChromium) {
  const message = `\n${'!'.repeat(78)}\n  Chromium not found at ${CHROMIUM}: the browser tests are SKIPPED.\n  Install it with: apt-get update && apt-get install -y chromium\n${'!'.repeat(78)}\n`;
  if (process.env.CI) throw new Error(message);
  console.warn(message);
}

/** Headless flags for this closed network: without the background-networking ones, Chromium keeps dialling out. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** Signs a studio user in through the dashboard's own form, as a person would, and waits for the overview. */
export async function signInOnDashboard(page: Page, dashboard: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${dashboard}/signin`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${dashboard}/`);
}
