// The screens that matter when something goes wrong: a wrong password, a link
// shown again after a reload (the old one stops working), a remote link turned
// away from the lobby, and the emergency stop, which puts calm crisis guidance
// with the practice's own numbers on every screen at once.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../helpers/server.js';
import { assertClientBuilt, launch, openPage, screenshot, seriousViolations, startClockedServer, eventually, type ClockedServer, type Device } from './browser.js';

const CRISIS = { CRISIS_EMERGENCY_NUMBER: '112', CRISIS_LINE_NUMBER: '0800 111 222', CRISIS_LINE_NAME: 'the Test Crisis Line' };

let server: ClockedServer;
let browser: Browser;
let fx: Fixture;
const pages: Record<string, Page> = {};
const pageErrors: Record<string, string[]> = {};

beforeAll(async () => {
  assertClientBuilt();
  server = await startClockedServer(CRISIS);
  fx = await createFixture(server.url);
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

test('a wrong password gets a clear message; the right one opens the console', async () => {
  const f = await open('facilitator', 'laptop', '/');
  await f.getByRole('heading', { name: 'Sign in' }).waitFor();
  await f.getByLabel('Email').fill('dana@example.org');
  await f.getByLabel('Password').fill('not the password');
  await f.getByRole('button', { name: 'Sign in' }).click();
  await f.getByText('That email and password do not match').waitFor();
  await accessible(f, 'console-login-error');
  await f.getByLabel('Password').fill('correct horse battery');
  await f.getByRole('button', { name: 'Sign in' }).click();
  await f.getByRole('link', { name: 'For Sam' }).waitFor();
}, 60_000);

test('after a reload the console issues a fresh link and QR code; the old link stops working', async () => {
  const f = pages.facilitator!;
  await f.goto(`${server.url}/#/meetings/${fx.meetingId}/links`);
  const annCard = f.locator('.join-card', { has: f.getByRole('heading', { name: 'Ann' }) });
  await annCard.getByRole('button', { name: 'New link and QR code' }).click();
  await annCard.locator('.qr svg').waitFor();
  const fresh = new URL((await annCard.locator('code').textContent())!);

  const bare = await open('bare', 'tablet', '/tablet');
  await bare.getByRole('heading', { name: 'Please open your personal link' }).waitFor();
  await accessible(bare, 'tablet-no-link');

  const old = await open('old-ann', 'tablet', `/tablet#token=${fx.tokenOf(fx.ids.ann)}`);
  await old.getByRole('heading', { name: 'This link can’t open the meeting' }).waitFor();
  await old.getByText('Please ask the facilitator for a new one').waitFor();
  await accessible(old, 'tablet-link-invalid');

  const ann = await open('ann', 'tablet', fresh.pathname + fresh.hash);
  await ann.getByRole('button', { name: 'I’m ready' }).waitFor();

  // Bob's tablet is lost: revoke his link, then make him a new one.
  const bobCard = f.locator('.join-card', { has: f.getByRole('heading', { name: 'Bob' }) });
  await bobCard.getByRole('button', { name: 'Revoke…' }).click();
  await bobCard.getByRole('button', { name: 'Yes, revoke' }).click();
  await bobCard.getByText('This link was revoked and no longer works.').waitFor();
  await accessible(f, 'console-links-revoked');
  await bobCard.getByRole('button', { name: 'Make a new link' }).click();
  await bobCard.locator('.qr svg').waitFor();
  expect(await bobCard.getByText('This link was revoked').count()).toBe(0);
}, 60_000);

test('a remote link turned away from the lobby gets a kind message', async () => {
  const f = pages.facilitator!;
  const cy = await open('cy', 'phone', `/remote#token=${fx.tokenOf(fx.ids.cy)}`);
  await cy.getByText('Sam’s family meeting. Dana will let you in.').waitFor();
  expect(await cy.getByText('Cy-letter').count()).toBe(0); // nothing of the meeting before admission

  await f.getByRole('link', { name: 'Run the meeting' }).click();
  await f.getByRole('button', { name: 'Turn away…' }).click();
  await f.getByRole('button', { name: 'Yes, turn away' }).click();
  await cy.locator('[data-screen="denied"]').waitFor();
  await cy.getByText('If you think this is a mistake, please contact them directly.').waitFor();
  await accessible(cy, 'remote-denied');
}, 60_000);

test('a locked lobby takes nobody new until it is unlocked; an admitted guest can be sent back to the lobby', async () => {
  const f = pages.facilitator!;
  await f.getByRole('button', { name: 'Lock', exact: true }).click();
  await f.locator('[data-lobby="locked"]').waitFor();

  const joe = await open('joe', 'phone', `/remote#token=${fx.links.remote.token}`);
  await joe.locator('[data-screen="lobby-locked"]').waitFor();
  await accessible(joe, 'remote-lobby-locked');

  await f.getByRole('button', { name: 'Unlock', exact: true }).click();
  await joe.getByRole('button', { name: 'Try again' }).click();
  await joe.getByLabel('Your name').fill('Uncle Joe');
  await joe.getByRole('button', { name: 'Join' }).click();
  await joe.getByText('Sam’s family meeting. Dana will let you in.').waitFor();
  await f.getByRole('button', { name: 'Let Uncle Joe (guest) in' }).click();
  await joe.getByRole('button', { name: 'I’m ready' }).waitFor();

  await f.getByRole('button', { name: 'Send Uncle Joe (guest) to the lobby…' }).click();
  await f.getByRole('button', { name: 'Yes, back to the lobby' }).click();
  // Someone sent back is told so, not greeted as a first arrival (issue 13, item 18).
  await joe.getByRole('heading', { name: 'You’re in the waiting room for now' }).waitFor();
  await f.getByRole('button', { name: 'Let Uncle Joe (guest) in' }).waitFor();
}, 60_000);

test('the turn countdown follows the server’s clock: calm, amber at a fifth left, red when over, and never moves on', async () => {
  const f = pages.facilitator!;
  const ann = pages.ann!;
  await f.getByRole('button', { name: 'Start the meeting' }).click();
  await f.getByRole('button', { name: 'Begin the letters' }).click();
  await ann.locator('main').getByText('It’s your turn').waitFor();
  await f.locator('[data-tone="calm"]').waitFor();

  // Four minutes and ten seconds pass on the server (the laptop's clock does not move);
  // the next view the console receives carries the server's time.
  server.advance(250_000);
  await ann.getByRole('button', { name: 'I need a moment' }).click();
  await f.getByText('Ann needs a moment').waitFor();
  await f.locator('[data-tone="low"]').waitFor();
  await accessible(f, 'console-countdown-low');

  server.advance(120_000);
  await f.getByRole('button', { name: 'Clear: Ann needs a moment' }).click();
  await f.locator('[data-tone="over"]').waitFor();
  await f.getByText(/^1:\d\d over$/).waitFor();
  await accessible(f, 'console-countdown-over');
  await f.locator('[data-speaker]', { hasText: 'Ann' }).waitFor(); // still Ann's turn: the facilitator decides
  await ann.locator('main').getByText('It’s your turn').waitFor();
}, 60_000);

test('a command decided on an old view is refused with a short message, and the fresh state follows', async () => {
  const f = pages.facilitator!;
  // A second console tab whose incoming views are lost on the way, as on a bad network.
  const tab = await f.context().newPage();
  let losing = false;
  let routed = false;
  await tab.routeWebSocket(
    (url) => url.pathname.startsWith('/socket.io'),
    (ws) => {
      routed = true;
      const toServer = ws.connectToServer();
      toServer.onMessage((message) => {
        // Every message that carries a view: v1's whole view, and (issue 14) v2's parts, which our console speaks.
        if (!(losing && /^42\["meeting:(state|agenda|facilitator|you)"/.test(String(message)))) ws.send(message);
      });
    },
  );
  await tab.goto(`${server.url}/#/meetings/${fx.meetingId}`);
  await tab.locator('[data-speaker]', { hasText: 'Ann' }).waitFor();
  const before = Number(await f.locator('[data-revision]').getAttribute('data-revision'));
  await eventually(async () => Number(await tab.locator('[data-revision]').getAttribute('data-revision'))).toBe(before);
  // Socket.IO starts with HTTP polling and upgrades to the (routed) websocket: lose messages only after that.
  await eventually(() => routed).toBe(true);
  await tab.waitForTimeout(1000);

  losing = true;
  await f.getByRole('button', { name: '+1 minute' }).click();
  await eventually(async () => Number(await f.locator('[data-revision]').getAttribute('data-revision'))).toBe(before + 1);
  await tab.getByRole('button', { name: '+1 minute' }).click();
  await tab.getByText('The meeting had just moved on, so nothing was changed.').waitFor();
  await screenshot(tab, 'console-stale-notice');
  losing = false;

  // The tab catches up by itself, and the turn was extended once, not twice.
  await eventually(async () => Number(await tab.locator('[data-revision]').getAttribute('data-revision')), { timeout: 10_000 }).toBe(before + 1);
  expect(Number(await f.locator('[data-revision]').getAttribute('data-revision'))).toBe(before + 1);
  await tab.close();
}, 60_000);

test('the emergency stop shows crisis guidance with the configured numbers on every screen', async () => {
  const f = pages.facilitator!;
  const ann = pages.ann!;
  const display = await open('display', 'tv', `/display#token=${fx.links.display.token}`);
  await display.getByRole('heading', { name: 'Letters' }).waitFor();

  await f.getByRole('button', { name: 'Emergency stop…' }).click();
  const dialog = f.getByRole('dialog', { name: 'Stop the meeting for safety?' });
  await dialog.waitFor();
  expect(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(true);
  await accessible(f, 'console-emergency-confirm');
  await dialog.getByRole('button', { name: 'Stop the meeting now' }).click();

  for (const page of [ann, display, f]) {
    const crisis = page.locator('[data-screen="crisis"]');
    await crisis.waitFor();
    await crisis.getByRole('link', { name: '112' }).waitFor();
    await crisis.getByRole('link', { name: '0800 111 222' }).waitFor();
    expect(await crisis.textContent()).toContain('the Test Crisis Line');
  }
  await accessible(ann, 'tablet-crisis');
  await accessible(display, 'display-crisis');
  await accessible(f, 'console-crisis');
  await f.getByText('Stopped for safety').waitFor();
  await f.getByRole('button', { name: 'Close the meeting…' }).waitFor();
  expect(Object.entries(pageErrors).filter(([, list]) => list.length > 0)).toEqual([]);
}, 60_000);

test('when the session ends elsewhere, the console returns to the sign-in form and says why', async () => {
  const f = pages.facilitator!;
  await f.locator('[data-phase]').waitFor();
  const other = await f.context().newPage();
  await other.goto(`${server.url}/`);
  await other.getByRole('button', { name: 'Sign out' }).click();
  await f.getByRole('heading', { name: 'Sign in' }).waitFor();
  await f.getByText('You were signed out').waitFor();
  await accessible(f, 'console-signed-out');
  await other.close();
}, 60_000);
