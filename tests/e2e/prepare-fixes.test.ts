// A newcomer's findings on the preparation page (s20), in Chromium on a phone:
// finding 1: offline, a letter edit said "Not saved", stayed so once back online, and a reload lost
// it without a warning. Now it is tried again by itself when the connection is back, the unsaved
// words are kept in the tab (sessionStorage) and come back after a reload, and leaving asks first.
// Finding 2: a letter the interventionist typed showed as an empty draft; now the person sees it,
// approved and marked as typed for them, and a change of theirs is a version for review.
// axe: no serious or critical violation on either screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixture, PRIVATE, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, eventually, launch, openPage, screenshot, seriousViolations } from './browser.js';

let server: Running;
let browser: Browser;
let fx: Fixture;
const errors: string[] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  browser = await launch();
  fx = await createFixture(server.url);
  // Bob writes his own letter; Ann's was typed by the interventionist (the fixture's).
  expect((await fx.api.request('PATCH', `/api/cases/${fx.caseId}/participants/${fx.ids.bob}`, { letter: null })).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The person's own preparation link, its token, and their page opened at the letter. */
async function letterPage(participantId: string): Promise<{ page: Page; context: BrowserContext; token: string }> {
  const made = await fx.api.post(`/api/cases/${fx.caseId}/participants/${participantId}/prepare-link`, {});
  expect(made.status).toBe(201);
  const url = new URL(made.body.url as string);
  const { page, context, errors: pageErrors } = await openPage(browser, 'phone', server.url + url.pathname + url.hash);
  errors.push(...pageErrors);
  await page.getByRole('button', { name: 'Go to my letter' }).click();
  await page.getByRole('heading', { name: 'Your letter' }).waitFor();
  return { page, context, token: made.body.token as string };
}

/** What the server holds of the person's letter, asked as their page asks. */
async function serverLetter(token: string): Promise<{ text: string; state: string; typed: boolean }> {
  const res = await fetch(`${server.url}/api/prepare/letter`, { headers: { authorization: `Bearer ${token}` } });
  return res.json();
}

const keptInTab = (page: Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('threshold:prepare:unsaved:')).map((k) => sessionStorage.getItem(k)));

test('s20 finding 1: offline words are kept in the tab, survive a reload with a warning first, and save by themselves once back online', async () => {
  const { page, context, token } = await letterPage(fx.ids.bob);
  const box = page.getByLabel('Your letter', { exact: true });
  await box.pressSequentially('Dear Sam');
  await eventually(async () => expect((await serverLetter(token)).text).toBe('Dear Sam'), { timeout: 8_000 });
  await page.locator('[data-save-state="saved"]').waitFor();

  // The connection drops: the edit fails, the page says it will try again, the words are in the tab.
  await context.setOffline(true);
  await box.pressSequentially(', I love you');
  await page.locator('[data-save-state="failed"]').waitFor();
  await page.locator('[data-waiting-for-connection]').waitFor();
  expect(await keptInTab(page)).toEqual(['Dear Sam, I love you']);
  expect((await serverLetter(token)).text).toBe('Dear Sam');
  await screenshot(page, 's20-prepare-offline');
  expect(await seriousViolations(page)).toEqual([]);

  // Leaving asks first (beforeunload); staying keeps everything.
  const dialogs: string[] = [];
  page.once('dialog', (d) => (dialogs.push(d.type()), void d.dismiss()));
  await page.close({ runBeforeUnload: true });
  await eventually(() => expect(dialogs).toEqual(['beforeunload']));
  expect(page.isClosed()).toBe(false);

  // Back online: saved by itself, with no click, and the tab's copy is gone.
  await context.setOffline(false);
  await eventually(async () => expect((await serverLetter(token)).text).toBe('Dear Sam, I love you'), { timeout: 8_000 });
  await page.locator('[data-save-state="saved"]').waitFor();
  await eventually(async () => expect(await keptInTab(page)).toEqual([]));

  // A save that cannot reach the server, then a reload: a warning, and the words come back and save.
  await page.route('**/api/prepare/letter', (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback()));
  await box.pressSequentially(' always');
  await page.locator('[data-save-state="failed"]').waitFor();
  page.once('dialog', (d) => (dialogs.push(d.type()), void d.accept()));
  await page.unroute('**/api/prepare/letter');
  await page.reload();
  expect(dialogs).toEqual(['beforeunload', 'beforeunload']);
  await page.getByRole('heading', { name: 'Your letter' }).waitFor();
  await eventually(async () => expect(await page.getByLabel('Your letter', { exact: true }).inputValue()).toBe('Dear Sam, I love you always'));
  await eventually(async () => expect((await serverLetter(token)).text).toBe('Dear Sam, I love you always'), { timeout: 8_000 });
  await page.locator('[data-save-state="saved"]').waitFor();
  await eventually(async () => expect(await keptInTab(page)).toEqual([]));
}, 60_000);

test('s20 finding 2: the letter the interventionist typed is shown, approved and marked typed; a change goes for review', async () => {
  const { page, token } = await letterPage(fx.ids.ann);
  const box = page.getByLabel('Your letter', { exact: true });
  await eventually(async () => expect(await box.inputValue()).toBe(PRIVATE.annLetter));
  const state = page.locator('[data-letter-state]');
  expect(await state.getAttribute('data-letter-state')).toBe('approved');
  expect(await state.textContent()).toMatch(/Typed for you by your interventionist, and approved: this is what you will read/);
  await screenshot(page, 's20-prepare-typed');
  expect(await seriousViolations(page)).toEqual([]);

  // Her change is a draft of her own; the meeting keeps the typed letter until it is approved.
  await box.pressSequentially(' and the swims at dawn');
  await eventually(async () => expect(await state.getAttribute('data-letter-state')).toBe('draft'), { timeout: 8_000 });
  await page.locator('[data-typed-pending]').getByText('The meeting will use the text your interventionist typed for you').waitFor();
  await page.getByRole('button', { name: 'Send to my interventionist' }).click();
  await eventually(async () => expect(await state.getAttribute('data-letter-state')).toBe('submitted'));
  expect(await serverLetter(token)).toMatchObject({ text: `${PRIVATE.annLetter} and the swims at dawn`, state: 'submitted', typed: true });
  const kase = await fx.api.get(`/api/cases/${fx.caseId}`);
  expect(kase.body.participants.find((p: { id: string }) => p.id === fx.ids.ann).letter).toBe(PRIVATE.annLetter);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
}, 60_000);
