// Issue 13, item 7 in Chromium: after a reload the console could show a QR
// code only by making a new link, which cut off the tablet holding the old one.
// Now a working link's QR code is shown again as it was: the same URL, and the
// tablet on it stays connected. axe runs with no impact filter.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, eventually, launch, openPage, screenshot, signIn } from './browser.js';

let server: Running;
let browser: Browser;
let fx: Fixture;

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  browser = await launch();
  fx = await createFixture(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every axe violation on the page, whatever its impact. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

test('issue 13, item 7: after a reload, "Show QR code again" shows the same link and keeps its tablet connected', async () => {
  const annUrl = fx.links.participants.find((l) => l.participantId === fx.ids.ann)!.url;
  const { page: tablet } = await openPage(browser, 'tablet', annUrl.replace('http://threshold.test', server.url));
  await eventually(() => tablet.locator('[data-phase="gathering"]').count()).toBe(1);

  // A console that never saw the links' creation: as after a reload.
  const { page: f, errors } = await openPage(browser, 'laptop', server.url + '/');
  await f.getByRole('heading', { name: 'Sign in' }).waitFor();
  await signIn(f);
  await f.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
  await f.goto(`${server.url}/#/meetings/${fx.meetingId}/links`);
  const annCard = f.locator('.join-card', { has: f.getByRole('heading', { name: 'Ann' }) });
  await eventually(() => annCard.locator('[data-devices]').textContent()).toBe('Open on 1 device');
  await expect(annCard.getByRole('img').count()).resolves.toBe(0);

  await annCard.getByRole('button', { name: 'Show QR code again' }).click();
  await annCard.getByRole('img', { name: 'QR code for Ann' }).waitFor();
  await expect(annCard.locator('.url code').textContent()).resolves.toBe(annUrl);
  // Nothing was replaced: the tablet still holds the link and still shows the meeting.
  await eventually(() => annCard.locator('[data-devices]').textContent()).toBe('Open on 1 device');
  await expect(tablet.locator('[data-phase="gathering"]').count()).resolves.toBe(1);
  await screenshot(f, 'console-links-show-again');
  expect(await violations(f)).toEqual([]);
  expect(errors).toEqual([]);
  for (const p of [tablet, f]) await p.context().close();
});
