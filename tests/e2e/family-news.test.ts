// Issue 11, section 3: after a yes, the remote relative's phone shows a calm
// "On the way", then "Admitted", once the interventionist shares it, and
// nothing while it is not shared. axe-core finds no serious or critical
// violation on the ended screen with the news.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, startServer, type Running } from '../helpers/server.js';
import { put } from '../protocol/case-support.js';
import { assertClientBuilt, launch, openPage, screenshot, seriousViolations } from './browser.js';

let server: Running;
let browser: Browser;
const clients: Client[] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  browser = await launch();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await server?.close();
});

test('issue 11, case 3.13: the remote relative sees "On the way" and then "Admitted" only when shared', async () => {
  const fx = await createFixture(server.url);
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  clients.push(facilitator);
  const opened = await openPage(browser, 'phone', `${server.url}/remote#token=${fx.tokenOf(fx.ids.cy)}`);
  const cy = opened.page;
  await facilitator.waitFor((v) => v.role === 'facilitator' && v.lobby.some((e) => e.participantId === fx.ids.cy));
  expect(await facilitator.send({ type: 'lobby.admit', participantId: fx.ids.cy })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'meeting.end', outcome: 'accepted' })).toMatchObject({ ok: true });
  await cy.locator('[data-screen="ended"]').waitFor();

  const path = `/api/cases/${fx.caseId}/transition`;
  const left = Date.now();
  expect((await put(fx.api, path, { leftAt: left, arrivedAt: null, admittedAt: null, accompaniedBy: { participantId: fx.ids.ann }, shareWithFamily: false })).status).toBe(200);
  await new Promise((r) => setTimeout(r, 300));
  expect(await cy.locator('[data-news]').getAttribute('data-news')).toBe('');

  expect((await put(fx.api, path, { leftAt: left, arrivedAt: null, admittedAt: null, accompaniedBy: { participantId: fx.ids.ann }, shareWithFamily: true })).status).toBe(200);
  await cy.locator('[data-news="on-the-way"]').getByText('On the way').waitFor();
  expect((await put(fx.api, path, { leftAt: left, arrivedAt: left + 1, admittedAt: left + 2, accompaniedBy: { participantId: fx.ids.ann }, shareWithFamily: true })).status).toBe(200);
  await cy.locator('[data-news="admitted"]').getByText('Admitted').waitFor();
  expect(await cy.getByRole('status').filter({ hasText: 'admitted for treatment' }).count()).toBe(1);
  await screenshot(cy, 'family-news-admitted');
  expect(await seriousViolations(cy)).toEqual([]);
  expect(opened.errors).toEqual([]);
});
