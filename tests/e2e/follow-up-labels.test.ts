// A newcomer's trial, item 2, in the browser: on the case's follow-ups list the
// interventionist names the case for their calendar ("Case 1" until then, with
// a warning to keep names out) and moves a call to another time of day, not
// only another day. axe-core finds no serious or critical violation.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, eventually, launch, openPage, screenshot, seriousViolations, signIn } from './browser.js';

let server: Running;
let browser: Browser;
let fx: Fixture;

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  browser = await launch();
  fx = await createFixture(server.url);
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  expect(await facilitator.send({ type: 'meeting.end', outcome: 'declined' } as never)).toMatchObject({ ok: true });
  facilitator.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('trial item 2, case 6: the calendar label is chosen and cleared, and a call moves to 15:00 on the follow-ups list', async () => {
  const { page: f, errors } = await openPage(browser, 'laptop', server.url + '/');
  await signIn(f);
  await f.getByRole('heading', { name: 'Cases' }).waitFor();
  await f.goto(`${server.url}/#/cases/${fx.caseId}/after-care`);
  const field = f.getByLabel('Name in your calendar');
  await field.waitFor();
  await f.getByText('The calendar feed shows this beside each call, now “Case 1”.', { exact: false }).waitFor();
  expect(await field.getAttribute('placeholder')).toBe('Case 1');

  await field.fill('Tuesday family');
  await f.locator('form.calendar-label').getByRole('button', { name: 'Save' }).click();
  await f.getByRole('status').filter({ hasText: 'Saved: the calendar shows “Tuesday family”' }).waitFor();
  expect((await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body.calendarLabel).toEqual({ label: 'Tuesday family', chosen: true });

  // The 1-week call, to 15:00 on its own day.
  const week = f.locator('[data-follow-up="1-week"]');
  await week.getByLabel('Time of the call after 1 week').fill('15:00');
  await week.getByRole('button', { name: 'Move' }).click();
  const moved = async () => {
    const { followUps } = (await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body as { followUps: Array<{ kind: string; dueAt: number }> };
    const at = new Date(followUps.find((x) => x.kind === '1-week')!.dueAt);
    return `${at.getHours()}:${at.getMinutes()}`;
  };
  await eventually(moved).toBe('15:0');
  await screenshot(f, 'follow-ups-calendar-label');
  expect(await seriousViolations(f)).toEqual([]);

  await f.getByRole('button', { name: 'Use the number' }).click();
  await f.getByRole('status').filter({ hasText: 'Saved: the calendar shows “Case 1”' }).waitFor();
  expect(errors).toEqual([]);
}, 60_000);
