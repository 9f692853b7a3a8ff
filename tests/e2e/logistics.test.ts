// Issue 11, sections 1 and 2, in the browser: the case's Logistics tab adds a
// facility and plans the primary place; the page shows what the place still
// lacks. In the live console the place's readiness stands beside the offer
// button; the offer is refused with words naming the missing item, and an
// override with a reason makes it. axe finds nothing serious on either screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, type Fixture } from '../helpers/server.js';
import { assertClientBuilt, type ClockedServer, eventually, launch, openPage, screenshot, seriousViolations, signIn, startClockedServer } from './browser.js';

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

test('issue 11, case 24: the Logistics tab adds a facility, plans the primary place and says what it lacks', async () => {
  await f.goto(`${server.url}/#/cases/${fx.caseId}/logistics`);
  await f.getByRole('heading', { name: 'Your facilities' }).waitFor();
  await f.getByLabel('Name', { exact: true }).fill('Oak House');
  await f.getByLabel('Residential').check();
  await f.getByRole('button', { name: 'Add facility' }).click();
  await f.getByRole('listitem').filter({ hasText: 'Oak House' }).waitFor();

  await f.getByRole('button', { name: 'Plan the primary place' }).click();
  await f.getByLabel('Facility', { exact: true }).selectOption({ label: 'Oak House' });
  await f.getByLabel('Level of care', { exact: true }).selectOption({ label: 'Residential' });
  await f.getByLabel('Insurance', { exact: true }).selectOption({ label: 'Verified' });
  await f.getByLabel('Admission').fill('2030-06-01T09:30');
  await f.getByLabel('Admission').dispatchEvent('change');
  await f.getByRole('button', { name: 'Save the logistics' }).click();
  await f.getByText('The logistics were saved.').waitFor();
  const ready = f.locator('[data-place-ready]');
  await eventually(() => ready.textContent()).toContain('The primary place has no bed held');
  expect(await ready.textContent()).not.toContain('admission');
  expect(await seriousViolations(f)).toEqual([]);
  await screenshot(f, 'case-logistics');
});

test('issue 11, case 25: in the live console the offer waits for the place, names what is missing, and an override with a reason makes it', async () => {
  const driver = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  clients.push(driver);
  for (const type of ['meeting.start', 'turns.begin']) expect(await driver.send({ type } as never)).toMatchObject({ ok: true });
  await f.goto(`${server.url}/#/meetings/${fx.meetingId}`);
  await f.locator('[data-phase="speaking"]').first().waitFor();

  const beside = f.locator('[data-place]');
  await eventually(() => beside.getAttribute('data-place')).toBe('not-ready');
  await beside.getByText('The treatment place is not ready:').waitFor();
  await beside.getByText('The primary place has no bed held').waitFor();
  expect(await seriousViolations(f)).toEqual([]);

  await beside.getByRole('button', { name: 'Present the offer' }).click();
  await beside.getByRole('alert').getByText(/^The offer waits for the treatment place\. The primary place has no bed held\./).waitFor();
  expect(await f.locator('[data-phase="offer"]').count()).toBe(0);
  const reason = beside.getByLabel(/Why make the offer now/);
  await reason.fill('The centre admits walk-ins tonight; the bed is promised by phone.');
  expect(await seriousViolations(f)).toEqual([]);
  await screenshot(f, 'console-offer-override');
  await beside.getByRole('button', { name: 'Make the offer anyway' }).click();
  await driver.waitFor((v) => v.phase === 'offer');
  await f.getByText('The offer is on the table. Record the response below.').waitFor();
  expect(errors).toEqual([]);
});
