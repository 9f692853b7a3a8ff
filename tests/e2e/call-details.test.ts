// Issue 13, item 20 (focus after "Close the meeting…") and item 18 (call
// details). The console is the browser under test; the meeting is moved on
// over a second facilitator connection.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, type Fixture } from '../helpers/server.js';
import { assertClientBuilt, launch, openPage, startClockedServer, type ClockedServer } from './browser.js';

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
  await f.getByLabel('Email').fill('dana@example.org');
  await f.getByLabel('Password').fill('correct horse battery');
  await f.getByRole('button', { name: 'Sign in' }).click();
  await f.getByRole('link', { name: 'For Sam' }).first().waitFor();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await server?.close();
});

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
