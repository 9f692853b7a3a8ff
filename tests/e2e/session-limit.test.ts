// A facilitator signed in for nearly SESSION_HOURS (1 here; the idle limit is
// longer, so only the hard end applies) gets a calm notice five minutes before
// it, and once it passes the sign-in form says why and that the meeting went
// on. The laptop's clock is Playwright's and the server's is the test's, moved
// forward together, so the test takes seconds, not an hour.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../helpers/server.js';
import { assertClientBuilt, launch, openPage, screenshot, seriousViolations, startClockedServer, type ClockedServer } from './browser.js';

const MIN = 60_000;
let server: ClockedServer;
let browser: Browser;
let fx: Fixture;
let page: Page;

beforeAll(async () => {
  assertClientBuilt();
  server = await startClockedServer({ SESSION_HOURS: '1', IDLE_MINUTES: '120' });
  fx = await createFixture(server.url);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Both clocks jump, and the page's due timers fire once. */
async function timePasses(ms: number) {
  server.advance(ms);
  await page.clock.fastForward(ms);
}

const notice = () => page.locator('[data-session-limit]');

// Issue 12, case 21: nothing warned before the SESSION_HOURS limit; the facilitator was simply signed out.
test('five minutes before the session’s hard end a calm notice says so, and the sign-in form then names the limit', async () => {
  const opened = await openPage(browser, 'laptop', server.url + '/');
  page = opened.page;
  await page.clock.install();
  await page.reload();
  await page.getByLabel('Email').fill('dana@example.org');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'For Sam' }).waitFor();
  await page.evaluate((id) => (location.hash = `#/meetings/${id}`), fx.meetingId);
  await page.locator('[data-phase]').waitFor();

  await timePasses(54 * MIN);
  expect(await notice().count(), 'no notice with six minutes left').toBe(0);

  await timePasses(MIN + 10_000);
  await notice().waitFor();
  expect(await notice().textContent()).toContain('Your sign-in ends in about 5 minutes');
  expect(await notice().textContent()).toContain('the meeting goes on');
  expect(await notice().locator('xpath=..').getAttribute('role')).toBe('status');
  expect(await page.locator('[data-idle-warning]').count(), 'no “Still there?”: staying would not help').toBe(0);
  expect(await page.getByRole('button', { name: 'OK' }).evaluate((b) => b === document.activeElement), 'focus is not taken').toBe(false);
  await screenshot(page, 'console-session-limit');
  expect(await seriousViolations(page), 'axe with the notice shown').toEqual([]);
  await page.getByRole('button', { name: 'OK' }).click();
  await notice().waitFor({ state: 'hidden' });

  await timePasses(5 * MIN);
  await page.keyboard.press('Shift'); // reported at once or within the server's session check
  await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 45_000 });
  expect(await page.locator('main').textContent()).toContain('a sign-in lasts a limited time, and yours has ended');
}, 90_000);
