// Issue 9, section 6, in the browser: the facilitator marks an objection the
// loved one raised in the offer, and only its responder's tablet shows "Your
// answer"; a pause because the loved one left the room sends the walk-out
// follower after them with calm words, while everyone else sees the pause.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, type Device, eventually, launch, openPage, screenshot, seriousViolations, signIn } from './browser.js';

const JOB = { objection: 'I can’t leave my job', response: 'Your manager already agreed to six weeks of leave. We asked together.' };

let server: Running;
let browser: Browser;
let fx: Fixture;
const pages: Record<string, Page> = {};
const pageErrors: Record<string, string[]> = {};

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  // Bob answers the job; Ann follows the loved one if they leave: the case file's plan, through its routes.
  fx = await createFixture(server.url, {
    beforeMeeting: async (api, caseId, ids) => {
      expect((await api.request('PATCH', `/api/cases/${caseId}/participants/${ids.ann}`, { roles: ['walk-out-follower'] })).status).toBe(200);
      expect((await api.post(`/api/cases/${caseId}/objections`, { ...JOB, responderId: ids.bob })).status).toBe(201);
    },
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(name: string, device: Device, path: string) {
  const opened = await openPage(browser, device, server.url + path);
  pages[name] = opened.page;
  pageErrors[name] = opened.errors;
  return opened.page;
}

async function accessible(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

test('an objection raised in the offer shows "Your answer" on its responder’s tablet only', async () => {
  const f = await open('facilitator', 'laptop', '/');
  await signIn(f);
  await f.getByRole('link', { name: 'For Sam' }).waitFor();
  // The words come from the case's plan (GET /api/cases/:caseId/plan).
  await f.goto(`${server.url}/#/meetings/${fx.meetingId}`);
  const ann = await open('ann', 'tablet', `/tablet#token=${fx.tokenOf(fx.ids.ann)}`);
  const bob = await open('bob', 'tablet', `/tablet#token=${fx.tokenOf(fx.ids.bob)}`);
  await bob.getByRole('button', { name: 'I’m ready' }).waitFor();

  await f.getByRole('button', { name: 'Start the meeting' }).click();
  await f.getByRole('button', { name: 'Begin the letters' }).click();
  await f.getByRole('heading', { name: 'Objections the family planned for' }).waitFor();
  // Before the offer the objection cannot be marked.
  expect(await f.getByRole('button', { name: /They raised/ }).isDisabled()).toBe(true);
  await f.getByRole('button', { name: 'Present the offer' }).click();
  await ann.locator('[data-phase="offer"]').waitFor();

  await f.getByRole('button', { name: `They raised it: “${JOB.objection}”` }).click();
  await bob.getByRole('heading', { name: 'Your answer' }).waitFor();
  await bob.getByText(JOB.response).waitFor();
  await f.getByText('Bob is answering').waitFor();
  await accessible(bob, 'tablet-your-answer');
  await accessible(f, 'console-objection-raised');
  // Ann's tablet shows the offer, and nothing of Bob's answer.
  await ann.locator(`main[data-revision="${await bob.locator('main').getAttribute('data-revision')}"]`).waitFor();
  expect(await ann.getByText(JOB.response).count()).toBe(0);
  expect(await ann.getByRole('heading', { name: 'Your answer' }).count()).toBe(0);

  await f.getByRole('button', { name: `Answered: “${JOB.objection}”` }).click();
  await eventually(() => bob.getByRole('heading', { name: 'Your answer' }).count()).toBe(0);
}, 90_000);

test('a pause because the loved one left sends the walk-out follower after them; everyone else sees the pause', async () => {
  const { facilitator: f, ann, bob } = pages as Record<string, Page>;
  await f.locator('body').press('p');
  await f.getByRole('dialog', { name: 'Pause the meeting' }).waitFor();
  await f.getByRole('button', { name: /Someone left the room/ }).click();
  await ann.getByRole('heading', { name: 'Please go with them calmly.' }).waitFor();
  await ann.locator('[data-screen="walk-out-follow"]').getByText('Keep them company; don’t argue. The meeting is on hold.').waitFor();
  await eventually(() => ann.locator('p[aria-live]').textContent()).toMatch(/^Please go with them calmly/); // said to a screen reader
  await bob.locator('[data-screen="paused"]').waitFor();
  expect(await bob.getByText(/Please go with them calmly/).count()).toBe(0);
  await f.getByText('Ann’s screen asks them to go with Sam calmly').waitFor();
  await accessible(ann, 'tablet-walk-out-follow');
  await accessible(f, 'console-paused-left-room');

  await f.locator('body').press('r');
  await ann.locator('[data-phase="offer"]').waitFor();
  expect(await ann.getByRole('heading', { name: 'Please go with them calmly.' }).count()).toBe(0);
  for (const [name, errors] of Object.entries(pageErrors)) expect(errors, name).toEqual([]);
}, 90_000);
