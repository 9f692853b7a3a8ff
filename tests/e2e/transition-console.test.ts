// Issue 11, section 3, in the console: the case's "After a yes" tab says
// calmly when it applies; after an accepted outcome it keeps the transition
// checklist (the server's words for times out of order), makes a consent form
// (the facility prefilled from the primary place, a missing §2.31 element in
// the server's words), hands over its link and QR code, sees it signed on a
// second page, and records its revocation. The meeting report shows the
// transition and the consents. The Logistics tab edits a facility. axe finds
// nothing serious on any of these screens.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { put } from '../protocol/case-support.js';
import { assertClientBuilt, eventually, launch, openPage, screenshot, seriousViolations, signIn } from './browser.js';

let server: Running;
let browser: Browser;
let fx: Fixture;
let f: Page;
let facilityId: string;
const errors: string[][] = [];
const clients: Client[] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  fx = await createFixture(server.url);
  // The primary place names a facility: the consent form offers it as the disclosing program.
  const facility = await fx.api.post('/api/facilities', { name: 'Oak House', levelsOfCare: ['residential'], phone: '', address: '', notes: '' });
  expect(facility.status).toBe(201);
  facilityId = facility.body.id;
  const logistics = await fx.api.get(`/api/cases/${fx.caseId}/logistics`);
  const saved = await put(fx.api, `/api/cases/${fx.caseId}/logistics`, { ...logistics.body.logistics, primary: {
    facilityId, levelOfCare: 'residential', bed: { status: 'none', heldUntil: null }, insurance: { status: 'unknown', notes: '' }, admission: { at: null }, intakeRequirements: [],
  } });
  expect(saved.status).toBe(200);
  browser = await launch();
  const opened = await openPage(browser, 'laptop', server.url + '/');
  f = opened.page;
  errors.push(opened.errors);
  await signIn(f);
  await f.getByRole('link', { name: 'For Sam' }).first().waitFor();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await server?.close();
});

async function accessible(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** Runs the fixture's meeting to the outcome "accepted" over a real socket. */
async function acceptedOutcome() {
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  const cy = await Client.open(server.url, { token: fx.tokenOf(fx.ids.cy) });
  clients.push(facilitator, cy);
  await facilitator.waitFor((v) => v.role === 'facilitator' && v.lobby.some((e) => e.participantId === fx.ids.cy));
  expect(await facilitator.send({ type: 'lobby.admit', participantId: fx.ids.cy })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'meeting.end', outcome: 'accepted' })).toMatchObject({ ok: true });
}

/** Fills a datetime-local field and lets the page hear it (the form reads `change`). */
async function fillTime(label: string, value: string) {
  await f.getByLabel(label, { exact: true }).fill(value);
  await f.getByLabel(label, { exact: true }).dispatchEvent('change');
}

test('issue 11, case 3.21: the After a yes tab: checklist, consent made, signed on a second page, revoked; the report shows them', async () => {
  // Before a yes: one calm line saying when it applies.
  await f.goto(`${server.url}/#/cases/${fx.caseId}/after-yes`);
  await f.locator('[data-after-yes="not-yet"]').getByText('once a meeting of this case ends with the outcome "accepted"').waitFor();
  await accessible(f, 'after-yes-not-yet');

  await acceptedOutcome();
  await f.reload();
  await f.getByRole('heading', { name: 'Into treatment' }).waitFor();

  // Times out of order: the server's words, next to the form.
  await fillTime('Left for treatment', '2030-06-01T10:00');
  await fillTime('Arrived at the facility', '2030-06-01T09:00');
  await f.getByRole('button', { name: 'Save the checklist' }).click();
  await f.getByRole('alert').filter({ hasText: 'The arrival is before the time they left; check the times.' }).waitFor();

  await fillTime('Arrived at the facility', '2030-06-01T12:00');
  await fillTime('Admitted', '2030-06-01T13:30');
  await f.getByLabel('Who went with them').selectOption({ label: 'Ann' });
  await f.getByLabel('Share with the family').check();
  await f.getByRole('button', { name: 'Save the checklist' }).click();
  await f.getByText('The family sees: "Admitted".').waitFor();
  expect(await f.locator('[data-saved-at]').getAttribute('data-saved-at')).not.toBe('');
  const saved = await fx.api.get(`/api/cases/${fx.caseId}/transition`);
  expect(saved.body).toMatchObject({ accompaniedBy: { participantId: fx.ids.ann }, shareWithFamily: true, familySees: 'admitted' });
  expect(saved.body.admittedAt).toBe(new Date('2030-06-01T13:30').getTime());

  // The consent form: the patient and the facility prefilled; without a purpose, the server's 400 names it.
  await eventually(() => f.getByLabel(/The program allowed to disclose/).inputValue()).toBe('Oak House');
  expect(await f.getByLabel(/The patient's name/).inputValue()).toBe('Sam');
  await f.getByLabel('Name', { exact: true }).fill('Ann');
  await f.getByLabel('Relationship to the patient').fill('sister');
  await f.getByLabel(/How to revoke it/).fill('Write to Oak House records office');
  await f.getByRole('button', { name: 'Make the form' }).click();
  await f.locator('[data-consent-problem]').getByText('the purpose (§2.31(a)(5))').waitFor();
  await f.getByLabel(/The purpose/).fill('So that the family knows he arrived');
  await f.getByRole('button', { name: 'Make the form' }).click();
  const link = f.getByRole('link', { name: 'Open the form to sign' });
  await link.waitFor();
  await f.getByRole('img', { name: 'A code for a tablet to open the consent form' }).locator('svg').waitFor();
  await f.locator('[data-status="unsigned"]').waitFor();
  await accessible(f, 'after-yes-consent-link');

  // Handed over: the link opened on a tablet, signed with the typed name.
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/\/consent#token=/);
  const tablet = await openPage(browser, 'tablet', `${server.url}/consent#${href.split('#')[1]}`);
  errors.push(tablet.errors);
  await tablet.page.getByLabel('Your full name (typed)').fill('Sam Example');
  await tablet.page.getByLabel('I have read my right to revoke this consent and how to do it.').check();
  await tablet.page.getByLabel(/my treatment does not depend on signing/).check();
  await tablet.page.getByRole('button', { name: 'Sign this consent' }).click();
  await tablet.page.getByRole('heading', { name: 'Signed' }).waitFor();
  await tablet.context.close();

  await f.getByRole('button', { name: 'Check for signatures' }).click();
  const signed = f.locator('[data-status="signed"]');
  await signed.getByText('signed by Sam Example').waitFor();

  // Revoked, with a date and a confirmation.
  await signed.getByRole('button', { name: 'Record a revocation' }).click();
  await f.getByRole('dialog').getByRole('button', { name: 'Record it' }).click();
  await f.locator('[data-status="revoked"]').getByText('Revoked').waitFor();
  await accessible(f, 'after-yes-revoked');

  // The report shows the transition and the consents' statuses.
  await f.goto(`${server.url}/#/meetings/${fx.meetingId}/report`);
  const transition = f.locator('[data-report-transition]');
  await transition.getByText('Ann').waitFor();
  expect(await transition.textContent()).toContain('Yes: "On the way" or "Admitted" only');
  await f.locator('[data-report-consents] tr[data-status="revoked"]').waitFor();
  expect(await f.locator('[data-report-consents]').textContent()).not.toContain('Oak House');
  await accessible(f, 'report-after-care');
});

test('issue 11, case 3.22: the Logistics tab edits a facility', async () => {
  await f.goto(`${server.url}/#/cases/${fx.caseId}/logistics`);
  await f.getByRole('heading', { name: 'Your facilities' }).waitFor();
  await f.getByRole('button', { name: /^Edit\W+Oak House$/ }).click();
  await f.getByRole('heading', { name: 'Edit Oak House' }).waitFor();
  await f.getByLabel('Name', { exact: true }).fill('Oak House North');
  await f.getByLabel('Phone').fill('555-0100');
  await f.getByLabel('Intensive outpatient').check();
  await accessible(f, 'facility-edit');
  await f.getByRole('button', { name: 'Save the facility' }).click();
  await f.getByRole('heading', { name: 'Add a facility' }).waitFor();
  await f.getByRole('listitem').filter({ hasText: 'Oak House North' }).waitFor();
  const stored = await fx.api.get(`/api/facilities/${facilityId}`);
  expect(stored.body).toMatchObject({ name: 'Oak House North', phone: '555-0100', levelsOfCare: ['residential', 'intensive-outpatient'] });
  for (const list of errors) expect(list).toEqual([]);
});
