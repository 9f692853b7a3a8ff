// Issue 10, section 4, in the browser: the interventionist creates a rehearsal from the case's
// Meetings tab; the console, the tablets, a remote phone and the room display all say "Rehearsal"
// in words; the interventionist plays the loved one's answers with the ordinary offer controls; at
// the end the console shows each reader's actual time against the estimate from their letter; the
// case's list marks it, and the case's stage is left as it was. Axe on every screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, launch, openPage, screenshot, seriousViolations, type Device } from './browser.js';

let server: Running;
let browser: Browser;
let fx: Fixture;
const errors: Record<string, string[]> = {};

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  fx = await createFixture(server.url);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(name: string, device: Device, path: string): Promise<Page> {
  const opened = await openPage(browser, device, server.url + path);
  errors[name] = opened.errors;
  return opened.page;
}

async function accessible(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** The words "Rehearsal" on the screen, in text: issue 10, section 4 (never colour alone). */
async function markedRehearsal(page: Page) {
  const mark = page.locator('[data-rehearsal]');
  await mark.waitFor();
  expect(await mark.innerText()).toMatch(/Rehearsal/i);
}

test('a rehearsal runs end to end, marked on every screen, and leaves the case as it was', async () => {
  const stageBefore = (await fx.api.get(`/api/cases/${fx.caseId}`)).body.stage;
  const f = await open('facilitator', 'laptop', '/');
  await f.getByLabel('Email').fill('dana@example.org');
  await f.getByLabel('Password').fill('correct horse battery');
  await f.getByRole('button', { name: 'Sign in' }).click();
  await f.getByRole('link', { name: 'For Sam' }).waitFor();
  await f.goto(`${server.url}/#/cases/${fx.caseId}/meetings`);

  const created = f.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/cases\/[^/]+\/meetings$/.test(r.url()));
  await f.getByRole('button', { name: 'Create a rehearsal' }).click();
  const body = await (await created).json();
  expect(body.id).toEqual(expect.any(String));
  const tokenOf = (pid: string) => body.links.participants.find((l: { participantId: string }) => l.participantId === pid).token as string;
  await markedRehearsal(f);

  await f.goto(`${server.url}/#/meetings/${body.id}`);
  await f.getByRole('heading', { name: /^Rehearsal for Sam/ }).waitFor();
  const ann = await open('ann', 'tablet', `/tablet#token=${tokenOf(fx.ids.ann)}`);
  const bob = await open('bob', 'tablet', `/tablet#token=${tokenOf(fx.ids.bob)}`);
  const cy = await open('cy', 'phone', `/remote#token=${tokenOf(fx.ids.cy)}`);
  const tv = await open('display', 'tv', `/display#token=${body.links.display.token}`);
  await cy.locator('[data-screen="lobby"]').waitFor();
  for (const page of [ann, bob, cy, tv]) await markedRehearsal(page);
  await ann.getByRole('button', { name: 'I’m ready' }).waitFor();
  await accessible(ann, 'rehearsal-tablet');
  await accessible(cy, 'rehearsal-remote-lobby');
  await accessible(tv, 'rehearsal-display');

  await f.getByRole('button', { name: 'Let Cy in' }).click();
  await cy.getByRole('button', { name: 'I’m ready' }).waitFor();
  await markedRehearsal(cy);
  await f.getByRole('button', { name: 'Start the meeting' }).click();
  await f.getByRole('button', { name: 'Begin the letters' }).click();
  await ann.locator('[data-turn="yours"]').waitFor();
  await new Promise((r) => setTimeout(r, 1500));
  await f.getByRole('button', { name: /Next speaker/ }).click();
  await bob.locator('[data-turn="yours"]').waitFor();
  await f.getByRole('button', { name: /Next speaker/ }).click();
  await cy.locator('[data-turn="yours"]').waitFor();
  await f.getByRole('button', { name: 'Present the offer' }).click();

  // Playing the loved one: a "no", the bottom lines, the offer again, then a "yes".
  await f.locator('[data-playing]').waitFor();
  await accessible(f, 'rehearsal-console-offer');
  await f.getByRole('radio', { name: 'Declined' }).check();
  await f.getByRole('button', { name: 'Play this answer' }).click();
  await f.getByRole('button', { name: 'Begin bottom lines' }).click();
  await ann.locator('[data-phase="bottom-lines"]').waitFor();
  await markedRehearsal(ann);
  await f.getByRole('button', { name: 'Present the offer again' }).click();
  // Issue 13, item 5: "Accepted" records the outcome with it, in one step.
  await f.getByRole('radio', { name: 'Accepted' }).check();
  await f.getByRole('button', { name: 'Record “Accepted” and the outcome' }).click();

  const times = f.locator('[data-reading-times]');
  await times.getByRole('heading', { name: 'Reading times in this rehearsal' }).waitFor();
  const annRow = times.locator(`[data-reader="${fx.ids.ann}"]`);
  expect(await annRow.getByRole('rowheader').innerText()).toBe('Ann');
  // Ann's letter has 7 words: 3.2 s at 130 words a minute, rounded up as the family's editor counts it
  // (shared/prepare/reading.ts); she had the floor for at least a second.
  expect(await annRow.locator('td').nth(0).innerText()).toBe('4 s');
  expect(Number((await annRow.locator('td').nth(1).innerText()).replace(' s', ''))).toBeGreaterThanOrEqual(1);
  await markedRehearsal(f);
  await markedRehearsal(tv);
  await accessible(f, 'rehearsal-console-reading-times');

  // The case's list marks it, and its stage is as it was.
  await f.goto(`${server.url}/#/cases/${fx.caseId}/meetings`);
  await f.getByRole('link', { name: /^Rehearsal at / }).waitFor();
  expect(await f.getByRole('link', { name: /^Meeting at / }).count()).toBe(1);
  expect((await fx.api.get(`/api/cases/${fx.caseId}`)).body.stage).toBe(stageBefore);
  for (const [name, list] of Object.entries(errors)) expect(list, `errors on ${name}`).toEqual([]);
}, 120_000);
