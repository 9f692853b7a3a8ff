// A newcomer's trial, item 1, in Chromium: after the meeting the preparation
// page still said "This page helps you get ready for the family meeting", and
// "At the meeting you shared a bottom line" to someone whose bottom line was
// never read. Now it says calmly that the meeting took place, shows the
// person's commitment in words the meeting's log bears out, and drops the
// writing steps; in English and in Spanish (usted), with no serious or
// critical axe violation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, launch, openPage, screenshot, seriousViolations } from './browser.js';

let server: Running;
let browser: Browser;
let fx: Fixture;
const errors: string[] = [];

const pause = () => new Promise((r) => setTimeout(r, 20));

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  browser = await launch();
  fx = await createFixture(server.url);
  // Bob reads Spanish; Ann English.
  expect((await fx.api.request('PATCH', `/api/cases/${fx.caseId}/participants/${fx.ids.bob}`, { language: 'es' })).status).toBe(200);
  // The meeting: the letters, an offer declined, Ann reads her bottom line to the end, and the
  // meeting ends while Bob has the floor: his was never read to the end.
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  const steps = [
    { type: 'meeting.start' }, { type: 'turns.begin' }, { type: 'turn.next' }, { type: 'turn.next' }, { type: 'turn.next' },
    { type: 'offer.present', override: 'A browser test' }, { type: 'offer.respond', response: 'declined' },
    { type: 'bottomLines.begin' }, { type: 'turn.next' }, { type: 'meeting.end', outcome: 'declined' },
  ];
  for (const step of steps) {
    await pause();
    expect({ step, ack: await facilitator.send(step as never) }).toMatchObject({ step, ack: { ok: true } });
  }
  facilitator.close();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pageOf(participantId: string): Promise<Page> {
  const made = await fx.api.post(`/api/cases/${fx.caseId}/participants/${participantId}/prepare-link`, {});
  expect(made.status).toBe(201);
  const url = new URL(made.body.url as string);
  const opened = await openPage(browser, 'phone', server.url + url.pathname + url.hash);
  errors.push(...opened.errors);
  return opened.page;
}

test('trial item 1, case 3: after the meeting, in English: it took place, the bottom line she read is her commitment, nothing left to write', async () => {
  const ann = await pageOf(fx.ids.ann);
  await ann.getByRole('heading', { name: 'Welcome, Ann' }).waitFor();
  await ann.locator('[data-after-meeting]').getByText(/^The family meeting took place on .+\. This page is still here for you\.$/).waitFor();
  await ann.getByText('At the meeting you shared a bottom line.', { exact: false }).waitFor();
  for (const stale of ['get ready for the family meeting', 'Go to my letter', 'Who is coming', 'Your part']) {
    expect({ stale, shown: await ann.getByText(stale, { exact: false }).count() }).toEqual({ stale, shown: 0 });
  }
  // The readings stay; the letter and bottom-line steps are gone (one welcome and six readings).
  await ann.getByText('Step 1 of 7').waitFor();
  await screenshot(ann, 'prepare-after-meeting-en-390');
  expect(await seriousViolations(ann)).toEqual([]);
  expect(errors).toEqual([]);
}, 60_000);

test('trial item 1, case 4: after the meeting, in Spanish: a bottom line the end cut off is never said to have been shared', async () => {
  const bob = await pageOf(fx.ids.bob);
  await bob.getByRole('heading', { name: 'Le damos la bienvenida, Bob' }).waitFor();
  await bob.locator('[data-after-meeting]').getByText(/^La reunión familiar se celebró el .+\. Esta página sigue aquí para usted\.$/).waitFor();
  await bob.getByText('Usted escribió este límite mientras se preparaba para la reunión.', { exact: false }).waitFor();
  expect(await bob.getByText('En la reunión usted compartió un límite', { exact: false }).count()).toBe(0);
  expect(await bob.getByText('le ayuda a prepararse', { exact: false }).count()).toBe(0);
  expect(await bob.evaluate(() => document.documentElement.lang)).toBe('es');
  await screenshot(bob, 'prepare-after-meeting-es-390');
  expect(await seriousViolations(bob)).toEqual([]);
  expect(errors).toEqual([]);
}, 60_000);
