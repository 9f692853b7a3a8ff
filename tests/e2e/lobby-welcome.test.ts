// Issue 13, item 18, on a phone: the remote lobby says whose meeting it is and who lets people in,
// and someone sent back to the lobby reads different words from a first arrival. axe on both.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, launch, openPage, screenshot, seriousViolations } from './browser.js';

let server: Running;
let browser: Browser;
let fx: Fixture;
let facilitator: Client;
let cy: Page;
let errors: string[] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  fx = await createFixture(server.url);
  facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  browser = await launch();
  const opened = await openPage(browser, 'phone', `${server.url}/remote#token=${fx.tokenOf(fx.ids.cy)}`);
  cy = opened.page;
  errors = opened.errors;
}, 60_000);

afterAll(async () => {
  facilitator?.close();
  await browser?.close();
  await server?.close();
});

const go = async (payload: Record<string, unknown>) => expect(await facilitator.send(payload as never)).toMatchObject({ ok: true });

test('issue 13, item 18: a first arrival reads whose meeting it is and who lets them in; sent back, other words', async () => {
  await cy.locator('[data-screen="lobby"][data-lobby="first"]').waitFor();
  await cy.getByRole('heading', { name: 'Hello, Cy' }).waitFor();
  await cy.getByText('Sam’s family meeting. Dana will let you in.').waitFor();
  await screenshot(cy, 'remote-lobby-welcome');
  expect(await seriousViolations(cy)).toEqual([]);

  await go({ type: 'lobby.admit', participantId: fx.ids.cy });
  await cy.getByRole('button', { name: 'I’m ready' }).waitFor();
  await go({ type: 'lobby.return', participantId: fx.ids.cy });
  await cy.locator('[data-lobby="back"]').waitFor();
  await cy.getByRole('heading', { name: 'You’re in the waiting room for now' }).waitFor();
  await cy.getByText('Sam’s family meeting. Dana has asked you to wait here for a little while, and will bring you back in.').waitFor();
  expect(await cy.getByText('Dana will let you in.').count()).toBe(0);
  await screenshot(cy, 'remote-lobby-back');
  expect(await seriousViolations(cy)).toEqual([]);
  expect(errors).toEqual([]);
}, 60_000);
