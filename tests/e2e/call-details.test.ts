// Issue 13, item 20 (focus after "Close the meeting…") and item 18 (call
// details). The console is the browser under test; the meeting is moved on
// over a second facilitator connection.
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, type Fixture } from '../helpers/server.js';
import { assertClientBuilt, type ClockedServer, launch, openPage, signIn, startClockedServer } from './browser.js';

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

/** axe on one region of a page, every impact counted. */
async function violationsIn(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
    const result = await axe.run({ include: [[include]] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact})`);
  }, selector);
}

async function driver(meetingId: string) {
  const c = await Client.open(server.url, { meetingId }, fx.api.cookie);
  clients.push(c);
  return async (payload: Record<string, unknown>) => expect(await c.send(payload as never)).toMatchObject({ ok: true });
}

test('issue 13, item 20: after "Close the meeting…" focus lands on the closed meeting\'s heading, not the page body', async () => {
  const go = await driver(fx.meetingId);
  await go({ type: 'meeting.start' });
  await go({ type: 'meeting.end', outcome: 'walked-out' });
  await f.goto(`${server.url}/#/meetings/${fx.meetingId}`);
  await f.getByRole('button', { name: 'Close the meeting…' }).click();
  await f.getByRole('button', { name: 'Yes, close the meeting' }).click();
  await f.locator('[data-phase="closed"]').first().waitFor();
  await f.waitForTimeout(200);
  const focused = await f.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent ?? '' }));
  expect(focused.tag).toBe('H1');
  expect(focused.text).toContain('Closed');
  expect(errors).toEqual([]);
}, 60_000);

test('issue 13, item 18: the facilitator sets call details; a remote relative sees them once let in, and in the lobby only when chosen', async () => {
  const second = await createFixture(server.url, { api: fx.api });
  const go = await driver(second.meetingId);
  await go({ type: 'meeting.start' });
  await f.goto(`${server.url}/#/meetings/${second.meetingId}`);
  const form = f.locator('[data-call-form]');
  await form.waitFor();

  // Words for a person, not a schema: a link without https:// is refused before it is sent.
  await form.getByLabel('Video link').fill('meet.example.org/sam');
  await form.getByRole('button', { name: 'Save call details' }).click();
  await form.getByText('The video link should start with https://').waitFor();
  await form.getByLabel('Video link').fill('https://meet.example.org/sam');
  await form.getByLabel('Dial-in number').fill('+44 20 7946 0000');
  await form.getByLabel('PIN').fill('4321');
  await form.getByRole('button', { name: 'Save call details' }).click();
  await form.getByText('Call details saved.').waitFor();
  expect(await violationsIn(f, '[data-call-form]')).toEqual([]);

  const cyOpened = await openPage(browser, 'phone', `${server.url}/remote#token=${second.tokenOf(second.ids.cy)}`);
  const cy = cyOpened.page;
  await cy.locator('[data-screen="lobby"]').waitFor();
  // Not chosen for the lobby: the waiting page shows nothing of the call.
  expect(await cy.locator('[data-call-details]').count()).toBe(0);

  await form.getByLabel('Also show them to people waiting in the lobby').check();
  await form.getByRole('button', { name: 'Save call details' }).click();
  const lobbyCall = cy.locator('[data-screen="lobby"] [data-call-details]');
  await lobbyCall.waitFor();
  expect(await lobbyCall.getByRole('link', { name: 'Join the video call' }).getAttribute('href')).toBe('https://meet.example.org/sam');
  await lobbyCall.getByText('then enter the PIN 4321').waitFor();
  expect(await violationsIn(cy, '[data-call-details]')).toEqual([]);

  await go({ type: 'lobby.admit', participantId: second.ids.cy });
  await cy.locator('main[data-phase="opening"]').waitFor();
  await cy.locator('[data-call-details]').getByRole('link', { name: '+44 20 7946 0000' }).waitFor();
  expect(cyOpened.errors).toEqual([]);
  expect(errors).toEqual([]);
  await cyOpened.page.context().close();
}, 60_000);
