// Issue 13, item 3: with a live meeting on screen, the idle deadline LOCKS the
// console instead of signing out. The lock hides the meeting, keeps Pause and
// Emergency stop working (each use audited) and opens with the password. The
// laptop's clock is Playwright's and the server's the test's, moved together
// (IDLE_MINUTES=2), as in idle.test.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../helpers/server.js';
import { assertClientBuilt, type ClockedServer, eventually, launch, openPage, screenshot, signIn, startClockedServer, trackRequests } from './browser.js';

let server: ClockedServer;
let browser: Browser;
let fx: Fixture;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startClockedServer({ IDLE_MINUTES: '2' });
  fx = await createFixture(server.url);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function untouchedFor(ms: number) {
  server.advance(ms);
  await page.clock.fastForward(ms);
}

/** axe on the whole page, every impact counted. */
async function allViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id} (${v.impact})`);
  });
}

test('issue 13, item 3: idle on a live meeting, the console locks; Pause works locked and is audited; the password opens it', async () => {
  const opened = await openPage(browser, 'laptop', server.url + '/');
  page = opened.page;
  pageErrors = opened.errors;
  const requests = trackRequests(page);
  await page.clock.install();
  await page.reload();
  await signIn(page);
  await page.getByRole('link', { name: 'For Sam' }).waitFor();
  await page.evaluate((id) => (location.hash = `#/meetings/${id}`), fx.meetingId);
  await page.locator('[data-phase="gathering"]').waitFor();
  // The meeting page's own loads count as activity on the server. Jumping the clocks before the last of
  // them lands let a slow run's server see the session alive at the lock, so Pause went unaudited
  // (a clean-clone CI failure at fdff61e: no console.locked.command entry).
  await requests.settled();

  await untouchedFor(65_000);
  await page.locator('[data-idle-warning]').getByText('the console will lock in about a minute').waitFor();
  await untouchedFor(60_000);

  const lock = page.locator('[data-console-locked]');
  await lock.getByRole('heading', { name: 'The console is locked' }).waitFor();
  // The meeting is hidden, not left: no sign-in form, no live panel to read.
  expect(await page.getByRole('heading', { name: 'Sign in' }).count()).toBe(0);
  expect(await page.locator('[data-phase]').isVisible()).toBe(false);
  expect(await page.getByText('Ann').locator('visible=true').count()).toBe(0);
  await screenshot(page, 'console-locked');
  expect(await allViolations()).toEqual([]);

  // The family carries on: Pause works from the locked screen (once the connection is back after the jump).
  const pause = lock.getByRole('button', { name: 'Pause the meeting' });
  await eventually(() => pause.isEnabled(), { timeout: 20_000 }).toBe(true);
  await pause.click();
  await lock.getByText('The meeting is paused.').waitFor();
  expect(await lock.getByRole('button', { name: 'Emergency stop…' }).isEnabled()).toBe(true);
  // Keys on the locked screen do not open it.
  await page.keyboard.press('Shift');
  await page.waitForTimeout(300);
  expect(await lock.isVisible()).toBe(true);

  await lock.getByLabel(/^Password/).fill('not the password');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await lock.getByText('That password is not right').waitFor();
  await lock.getByLabel(/^Password/).fill('correct horse battery');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await lock.waitFor({ state: 'hidden' });
  await page.locator('[data-phase="paused"]').waitFor();

  const audit = await page.evaluate(async (id) => (await fetch(`/api/meetings/${id}/audit`)).json(), fx.meetingId);
  const locked = (audit.entries as Array<{ action: string; detail: Record<string, unknown> }>).filter((e) => e.action === 'console.locked.command');
  expect(locked.map((e) => e.detail)).toEqual([{ command: 'pause.start', accepted: true }]);
  expect(pageErrors).toEqual([]);
}, 90_000);
