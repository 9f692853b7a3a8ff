// The family's preparation (issue 10, "Done when", as far as the pages go):
// the interventionist makes a preparation link for two people in the console;
// each opens it on a phone-sized browser; one reads a module (a wrong answer is
// met gently), drafts a letter with the word "addict" and sees the hint, and
// sends it; the interventionist asks for a change with a comment; the person
// sees it, revises and sends again; the interventionist sees the word diff and
// approves, the Meetings tab names who still has no approved letter, the
// person's page says it is approved, and a stopped link asks for a new one. axe-core runs on every new screen,
// allowing no violation of any impact.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type Running } from '../helpers/server.js';
import { assertClientBuilt, eventually, launch, openPage, screenshot } from './browser.js';

let server: Running;
let browser: Browser;
let f: Page;
/** Each page's errors (uncaught, or a CSP violation), checked at the end. */
const errors: string[][] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  browser = await launch();
  const opened = await openPage(browser, 'laptop', server.url + '/');
  f = opened.page;
  errors.push(opened.errors);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function accessible(page: Page, name: string) {
  await screenshot(page, name);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
  expect(violations, `axe on ${name}`).toEqual([]);
}

const person = (name: string) => f.locator('section.person', { has: f.getByRole('heading', { name: new RegExp(`^${name} `) }) });
const letterOf = (name: string) => person(name).locator('[data-part="letter"]');

/** Makes the person's preparation link in the console and returns its address on this server. */
async function makeLink(name: string): Promise<string> {
  await person(name).getByText(`Preparation link for ${name}`).click();
  await person(name).getByRole('button', { name: 'Make a preparation link' }).click();
  const shown = await person(name).locator('.url a').textContent();
  expect(shown).toMatch(/\/prepare#token=/);
  await person(name).getByRole('img', { name: `QR code of ${name}'s preparation link` }).waitFor();
  return server.url + '/prepare#' + shown!.split('#')[1];
}

/** Opens the person's page on a phone or tablet and goes straight from the welcome to their letter. */
async function openLetter(url: string, device: 'phone' | 'tablet'): Promise<Page> {
  const { page, errors: pageErrors } = await openPage(browser, device, url);
  errors.push(pageErrors);
  await page.getByText('Readings done: 0 of 6.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Go to my letter' }).click();
  await page.getByRole('heading', { name: 'Your letter' }).waitFor();
  return page;
}

/** From whichever step the page shows, Next until the letter. */
async function toLetter(page: Page) {
  await page.locator('#step-title').waitFor();
  while (!(await page.getByRole('heading', { name: 'Your letter' }).isVisible())) await page.getByRole('button', { name: 'Next' }).click();
}

test('issue 10, done when: two people prepare their letters from their own links, and one is reviewed, revised and approved', async () => {
  await f.getByRole('heading', { name: 'Welcome to Threshold' }).waitFor();
  await f.getByLabel('Your name').fill('Dana');
  await f.getByLabel('Email').fill('dana@example.org');
  await f.getByLabel('Password').fill('correct horse battery');
  await f.getByRole('button', { name: 'Create account' }).click();
  await f.getByLabel('Name of the person you are helping').fill('Sam');
  await f.getByLabel('Approach').selectOption('love-first');
  await f.getByRole('button', { name: 'Create case' }).click();
  const tab = (name: string) => f.getByRole('navigation', { name: 'Case file' }).getByRole('link', { name, exact: true });
  await tab('Team').click();
  for (const [name, relationship] of [['Ann', 'Mother'], ['Bob', 'Brother']] as const) {
    await f.getByLabel('Name', { exact: true }).fill(name);
    await f.getByLabel('Relationship').fill(relationship);
    await f.getByLabel('In the room').check();
    await f.getByRole('button', { name: 'Add person' }).click();
    await f.getByRole('cell', { name, exact: true }).waitFor();
  }

  // The Letters tab: nothing written yet; a link (with its QR code) for each person.
  await tab('Letters').click();
  await letterOf('Ann').getByText('Nothing written yet').waitFor();
  const annUrl = await makeLink('Ann');
  const bobUrl = await makeLink('Bob');
  await accessible(f, 'prepare-console-links');

  // Ann on her phone: her page, in English, with her part and who is coming.
  const { page: ann, errors: annErrors } = await openPage(browser, 'phone', annUrl);
  errors.push(annErrors);
  await ann.getByRole('heading', { name: 'Welcome, Ann' }).waitFor();
  expect(await ann.locator('html').getAttribute('lang')).toBe('en');
  expect(ann.url()).not.toContain('token');
  await ann.locator('[data-role]').first().waitFor();
  await ann.getByRole('listitem').filter({ hasText: 'Bob, Brother' }).waitFor();
  await accessible(ann, 'prepare-phone-welcome');

  // A module: a wrong answer is met gently; the right one marks it done.
  await ann.getByRole('button', { name: 'Next' }).click();
  await ann.getByRole('heading', { name: 'A health condition that can be treated' }).waitFor();
  await ann.getByLabel('They need more willpower').check();
  await ann.getByRole('button', { name: 'Done' }).click();
  await ann.getByRole('status').filter({ hasText: /^Not quite\./ }).waitFor();
  await ann.getByLabel('They have a health condition that makes stopping alone very hard').check();
  await ann.getByRole('button', { name: 'Done' }).click();
  await ann.locator('[data-done]').waitFor();
  await accessible(ann, 'prepare-phone-module');

  // Her letter: the word "addict" is hinted (never blocked), the draft saves itself, and she sends it.
  await toLetter(ann);
  await ann.locator('[data-letter-state="draft"]').waitFor();
  await ann.getByLabel('Your letter').fill('Sam, I love you. Watching you become an addict has frightened me. Please accept the help that is ready today.');
  await ann.locator('[data-hint]').filter({ hasText: 'Instead of “addict”' }).waitFor();
  await ann.locator('[data-save-state="saved"]').waitFor();
  await accessible(ann, 'prepare-phone-letter-hint');
  await ann.getByRole('button', { name: 'Send to my interventionist' }).click();
  await ann.locator('[data-letter-state="submitted"]').waitFor();
  // Sent: nothing to send again until it changes (a change takes it back as a draft, the shared rule).
  expect(await ann.getByRole('button', { name: 'Send to my interventionist' }).isDisabled()).toBe(true);

  // Bob, on a tablet, goes straight to his letter, writes and sends it; Ann's page never shows it.
  const bob = await openLetter(bobUrl, 'tablet');
  await bob.getByLabel('Your letter').fill('Sam, you taught me to ride a bike. I miss you, and I want you back.');
  await bob.locator('[data-save-state="saved"]').waitFor();
  await accessible(bob, 'prepare-tablet-letter');
  await bob.getByRole('button', { name: 'Send to my interventionist' }).click();
  await bob.locator('[data-letter-state="submitted"]').waitFor();
  expect(await ann.content()).not.toContain('ride a bike');

  // The interventionist reads Ann's letter and asks for a change; the comment needs words.
  await f.reload();
  await letterOf('Ann').getByText('Sent for your reading').waitFor();
  await letterOf('Ann').getByText('1 wording hint').waitFor();
  await letterOf('Bob').getByText('Sent for your reading').waitFor();
  await accessible(f, 'prepare-console-submitted');
  await letterOf('Ann').getByRole('button', { name: 'Request changes' }).click();
  await letterOf('Ann').getByRole('alert').getByText(/Say what you would like Ann to change/).waitFor();
  await letterOf('Ann').getByLabel('Comment to Ann (only they see it)').fill('Lovely. Could you speak of the illness rather than a label?');
  await letterOf('Ann').getByRole('button', { name: 'Request changes' }).click();
  await letterOf('Ann').getByText('Changes requested').waitFor();

  // Ann sees the comment, revises and sends again; the hint is gone.
  await ann.reload();
  await toLetter(ann);
  await ann.locator('[data-letter-state="changes-requested"]').waitFor();
  await ann.getByRole('region', { name: 'From your interventionist' }).getByText('Could you speak of the illness rather than a label?').waitFor();
  await accessible(ann, 'prepare-phone-comment');
  await ann.getByLabel('Your letter').fill('Sam, I love you. Watching you struggle with an illness has frightened me. Please accept the help that is ready today.');
  await eventually(() => ann.locator('[data-hint]').count()).toBe(0);
  await ann.locator('[data-save-state="saved"]').waitFor();
  await ann.getByRole('button', { name: 'Send to my interventionist' }).click();
  await ann.locator('[data-letter-state="submitted"]').waitFor();

  // The interventionist sees what changed, word by word, and approves.
  await f.reload();
  await letterOf('Ann').getByText('Sent for your reading').waitFor();
  await letterOf('Ann').getByRole('button', { name: 'Show versions and changes' }).click();
  await letterOf('Ann').locator('del', { hasText: 'addict' }).first().waitFor();
  await letterOf('Ann').locator('ins', { hasText: 'illness' }).first().waitFor();
  // Issue 15: a screen reader's words around a change come from the catalog through a CSS custom property.
  const spoken = (tag: string) => letterOf('Ann').locator(tag).first().evaluate((el) => getComputedStyle(el, '::before').content);
  expect(await spoken('ins')).toBe('" [added: "');
  expect(await spoken('del')).toBe('" [taken out: "');
  await accessible(f, 'prepare-console-versions');
  await letterOf('Ann').getByRole('button', { name: 'Approve' }).click();
  await letterOf('Ann').locator('.facts').getByText('Approved', { exact: true }).waitFor();
  await letterOf('Ann').locator('[data-version]').first().getByText(/· Approved ·/).waitFor();

  // Before a meeting, the console names who reads without an approved letter: Bob, not Ann.
  await tab('Meetings').click();
  await f.locator('[data-letters-missing]').getByText('No approved letter yet for Bob.').waitFor();
  await accessible(f, 'prepare-console-meeting-warning');

  // Ann's page says it is the one she will read, and it can no longer be changed from there.
  await ann.reload();
  await toLetter(ann);
  await ann.locator('[data-letter-state="approved"]').waitFor();
  expect(await ann.getByRole('button', { name: 'Send to my interventionist' }).count()).toBe(0);
  await accessible(ann, 'prepare-phone-approved');

  // Stopping Bob's link: his page asks for a new one, in the server's words.
  await tab('Letters').click();
  await person('Bob').getByText('Preparation link for Bob').click();
  await person('Bob').getByRole('button', { name: 'Stop the link' }).click();
  await person('Bob').getByRole('status').getByText("Bob's preparation link no longer works.").waitFor();
  await person('Bob').getByText('Bob has no working preparation link.').waitFor();
  await bob.reload();
  await bob.getByRole('alert').getByText(/no longer works/).waitFor();
  await accessible(bob, 'prepare-tablet-link-stopped');
  expect(errors.flat()).toEqual([]);
}, 120_000);
