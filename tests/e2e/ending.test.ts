// Issue 13, items 4 and 5: nothing ends a meeting by accident. Outside the
// offer the console offers "End the meeting early" with no outcome chosen and
// a confirmation that names it; in the offer no answer is chosen in advance,
// each new offer starts empty, and "Accepted" records the outcome in one step.
// The meeting is driven over a second facilitator connection; the console is
// the browser under test.
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, type Fixture } from '../helpers/server.js';
import { assertClientBuilt, type ClockedServer, eventually, launch, openPage, screenshot, signIn, startClockedServer } from './browser.js';

let server: ClockedServer;
let browser: Browser;
let fx: Fixture;
let f: Page;
let errors: string[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startClockedServer();
  fx = await createFixture(server.url);
  browser = await launch();
  const opened = await openPage(browser, 'laptop', server.url + '/');
  f = opened.page;
  errors = opened.errors;
  await signIn(f);
  await f.getByRole('link', { name: 'For Sam' }).first().waitFor();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await server?.close();
});

/** axe on one region, every impact counted (the brief asks for none at all on the screens touched). */
async function violationsIn(selector: string): Promise<string[]> {
  if (!(await f.evaluate(() => 'axe' in window))) await f.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return f.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
    const result = await axe.run({ include: [[include]] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact})`);
  }, selector);
}

/** A facilitator connection that moves a meeting on while the console watches. */
async function driver(meetingId: string) {
  const c = await Client.open(server.url, { meetingId }, fx.api.cookie);
  clients.push(c);
  return async (payload: Record<string, unknown>) => expect(await c.send(payload as never)).toMatchObject({ ok: true });
}

test('issue 13, item 4: outside the offer, ending early has no default outcome and a confirmation that names it', async () => {
  const go = await driver(fx.meetingId);
  await go({ type: 'meeting.start' });
  await go({ type: 'turns.begin' });
  await f.goto(`${server.url}/#/meetings/${fx.meetingId}`);
  await f.locator('[data-phase="speaking"]').first().waitFor();

  // The old "Record the outcome" form, ready to end the meeting as "Accepted help", is gone.
  expect(await f.getByRole('heading', { name: 'Record the outcome' }).count()).toBe(0);
  const card = f.locator('[data-end-meeting]');
  await card.getByText('End the meeting early').click();
  expect(await card.getByLabel('Outcome').inputValue()).toBe('');
  expect(await card.getByRole('button', { name: 'End the meeting…' }).isDisabled()).toBe(true);

  await card.getByLabel('Outcome').selectOption('walked-out');
  await card.getByRole('button', { name: 'End the meeting…' }).click();
  await card.getByText('End the meeting now with the outcome “Left the meeting”?').waitFor();
  expect(await violationsIn('[data-end-meeting]')).toEqual([]);
  await screenshot(f, 'console-end-early-confirm');
  await card.getByRole('button', { name: 'Not yet' }).click();
  // Still speaking: asking is not ending.
  await f.waitForTimeout(300);
  expect(await f.locator('[data-phase="speaking"]').count()).toBeGreaterThan(0);

  await card.getByRole('button', { name: 'End the meeting…' }).click();
  await card.getByRole('button', { name: 'Yes, end with “Left the meeting”' }).click();
  await f.getByRole('heading', { name: 'Outcome', exact: true }).waitFor();
  await f.locator('.outcome', { hasText: 'Left the meeting' }).waitFor();
}, 60_000);

test('issue 13, item 5: no answer chosen in advance, each offer starts empty, and “Accepted” leads straight on to the outcome', async () => {
  const second = await createFixture(server.url, { api: fx.api });
  const go = await driver(second.meetingId);
  await go({ type: 'meeting.start' });
  await go({ type: 'turns.begin' });
  await go({ type: 'offer.present' });
  await f.goto(`${server.url}/#/meetings/${second.meetingId}`);
  const offer = f.locator('section', { has: f.getByRole('heading', { name: /^The offer/ }) });
  await offer.waitFor();

  const checked = () => offer.locator('input[name="response"]:checked').count();
  expect(await checked()).toBe(0);
  expect(await offer.getByRole('button', { name: 'Record the response' }).isDisabled()).toBe(true);
  expect(await violationsIn('main section')).toEqual([]);

  // A decline: the outcome that follows from it is proposed, not yet recorded (item 4, in the offer).
  await offer.getByRole('radio', { name: 'Declined' }).check();
  await offer.getByRole('button', { name: 'Record the response' }).click();
  const end = f.locator('[data-end-meeting]');
  await eventually(() => end.getByLabel('Outcome').inputValue()).toBe('declined');
  await go({ type: 'bottomLines.begin' });
  await go({ type: 'offer.present' });
  await f.getByRole('heading', { name: 'The offer (offer 2)' }).waitFor();
  expect(await checked()).toBe(0);
  expect(await f.locator('[data-end-meeting]').count()).toBe(0);

  await offer.getByRole('radio', { name: 'Accepted' }).check();
  await offer.getByLabel(/^Note/).fill('Bed confirmed');
  await offer.getByRole('button', { name: 'Record “Accepted” and the outcome' }).click();
  await f.locator('.outcome', { hasText: 'Accepted help' }).waitFor();
  await f.getByRole('button', { name: 'Close the meeting…' }).waitFor();
  expect(await f.getByRole('heading', { name: /^The offer/ }).count()).toBe(0);
  await screenshot(f, 'console-accepted-outcome');
  expect(errors).toEqual([]);
}, 60_000);
