// The live socket from a real browser: Chromium on a page the local server serves (so the page's
// CSP applies: connect-src 'self' must cover its own ws: origin), the HttpOnly session cookie sent
// with the handshake, a ping answered, and an event published to the signed-in person arriving.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publish } from '../../shared/features/live/index.ts';
import { liveStudio } from '../features/live/actors.ts';
import { haveChromium, launchChromium } from '../support/browser.ts';

const port = inject('porticoPort');

describe.skipIf(!haveChromium)('the live socket in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens under the page CSP with the session cookie, answers a ping and delivers an event', async () => {
    const studio = await liveStudio('LiveE2E');
    const context = await browser.newContext();
    await context.addCookies([
      { name: 'portico_session', value: studio.session, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Strict' },
    ]);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const answer = await page.goto(`http://localhost:${port}/a-page-that-is-not-there`);
    expect(answer?.headers()['content-security-policy']).toContain("connect-src 'self'");

    const opened = page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const got: string[] = [];
          const ws = new WebSocket(`ws://${location.host}/ws`);
          ws.onerror = () => reject(new Error('socket error'));
          ws.onopen = () => ws.send('{"action":"ping"}');
          ws.onmessage = (m) => {
            got.push(String(m.data));
            (window as unknown as { liveOpen: boolean }).liveOpen = true;
            if (got.length === 2) {
              ws.close();
              resolve(got);
            }
          };
        }),
    );
    await expect.poll(() => page.evaluate(() => (window as unknown as { liveOpen?: boolean }).liveOpen === true)).toBe(true);
    expect(await publish(studio.studioId, [studio.owner], { type: 'changed', topic: 'e2e' })).toEqual({ sent: 1, gone: 0 });
    expect((await opened).map((m) => JSON.parse(m))).toEqual([{ type: 'pong' }, { type: 'changed', topic: 'e2e' }]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
