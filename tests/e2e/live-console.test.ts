// Issue 13, items 1, 2 and 6: the console during the meeting, for a facilitator
// who watches the room and not the laptop. A signal is pinned to the top of the
// window whatever the scroll or zoom, with an optional soft sound; a watch layout
// puts everything needed at a glance on one 1366×768 screen; and the emergency
// stop works while the console reconnects, with an incident note, an honest
// stepper afterwards and large crisis text on the TV.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixture, type Fixture } from '../helpers/server.js';
import { assertClientBuilt, type ClockedServer, type Device, eventually, launch, openPage, screenshot, signIn, startClockedServer } from './browser.js';

let server: ClockedServer;
let browser: Browser;
let fx: Fixture;
const pages: Record<string, Page> = {};
const pageErrors: Record<string, string[]> = {};
const WATCH_SCREEN = { width: 1366, height: 768 };

beforeAll(async () => {
  assertClientBuilt();
  server = await startClockedServer();
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

/** axe-core's violations of any impact: the screens this file touches must have none. */
async function allViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

async function accessible(page: Page, name: string) {
  await screenshot(page, name);
  expect(await allViolations(page), `axe on ${name}`).toEqual([]);
}

/** A shortcut pressed with nothing focused, as a facilitator glancing back would. */
async function pressKey(page: Page, key: string) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}

/** Wholly inside the window as it is scrolled now: seen without scrolling. */
async function inView(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize()!;
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

test('the facilitator signs in and the letters begin', async () => {
  const f = await open('facilitator', 'laptop', '/');
  await f.setViewportSize(WATCH_SCREEN);
  // Counts the soft sound: each chime opens one AudioContext.
  await f.context().addInitScript(() => {
    const w = window as unknown as { chimes: number; AudioContext: typeof AudioContext };
    w.chimes = 0;
    const Real = w.AudioContext;
    w.AudioContext = class extends Real {
      constructor() {
        super();
        w.chimes += 1;
      }
    } as typeof AudioContext;
  });
  await signIn(f);
  await f.getByRole('link', { name: 'For Sam' }).waitFor();
  await f.goto(`${server.url}/#/meetings/${fx.meetingId}`);
  await open('ann', 'tablet', `/tablet#token=${fx.tokenOf(fx.ids.ann)}`);
  await f.getByRole('button', { name: 'Start the meeting' }).click();
  await f.getByRole('button', { name: 'Begin the letters' }).click();
  await f.locator('[data-speaker]', { hasText: 'Ann' }).waitFor();
}, 60_000);

test('issue 13, item 1: a signal is pinned to the top whatever the scroll, with name, kind and time, and a remembered soft sound', async () => {
  const f = pages.facilitator!;
  const ann = pages.ann!;
  const sound = f.getByLabel('Soft sound for new signals');
  expect(await sound.isChecked()).toBe(false); // off by default
  await sound.check();
  await f.reload();
  await f.locator('[data-speaker]', { hasText: 'Ann' }).waitFor();
  expect(await f.getByLabel('Soft sound for new signals').isChecked()).toBe(true); // remembered on this computer

  await f.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await eventually(() => f.evaluate(() => window.scrollY > 0)).toBe(true);
  await ann.getByRole('button', { name: 'I need a moment' }).click();
  const alert = f.locator('[data-signal-alert]');
  await alert.getByText('Ann needs a moment').waitFor();
  await eventually(() => inView(alert.getByText('Ann needs a moment'))).toBe(true);
  expect(await alert.textContent()).toMatch(/since \d{1,2}:\d\d/);
  expect(await f.evaluate(() => window.scrollY > 0)).toBe(true); // still scrolled: the alert came to the facilitator
  await eventually(() => f.evaluate(() => (window as unknown as { chimes: number }).chimes)).toBe(1);
  await accessible(f, 'console-signal-alert-scrolled');

  // At 200 % zoom the window is half as wide and high, in CSS pixels.
  await f.setViewportSize({ width: 683, height: 384 });
  await f.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await eventually(() => inView(alert.getByText('Ann needs a moment'))).toBe(true);
  await screenshot(f, 'console-signal-alert-zoomed');
  await f.setViewportSize(WATCH_SCREEN);

  await f.getByRole('button', { name: 'Clear: Ann needs a moment' }).click();
  await eventually(() => alert.getByText('Ann needs a moment').count()).toBe(0);
  await f.getByLabel('Soft sound for new signals').uncheck();
}, 60_000);

test('issue 13, item 2: the watch layout shows the speaker, time left, next, pause, stop, signals and lobby on one 1366×768 screen', async () => {
  const f = pages.facilitator!;
  const ann = pages.ann!;
  const cy = await open('cy', 'phone', `/remote#token=${fx.tokenOf(fx.ids.cy)}`);
  await cy.getByText('Sam’s family meeting. Dana will let you in.').waitFor();
  await ann.getByRole('button', { name: 'I need a moment' }).click();

  await f.evaluate(() => window.scrollTo(0, 0));
  await pressKey(f, 'w'); // one key away
  await f.locator('[data-layout="watch"]').waitFor();
  const glance = [
    f.locator('[data-speaker]', { hasText: 'Ann' }),
    f.getByRole('timer'),
    f.locator('[data-next]', { hasText: 'Bob' }),
    f.getByRole('button', { name: /^Next speaker/ }),
    f.getByRole('button', { name: /^Pause/ }).first(),
    f.getByRole('button', { name: 'Emergency stop…' }),
    f.locator('[data-signal-alert]').getByText('Ann needs a moment'),
    f.getByRole('button', { name: 'Let Cy in' }),
  ];
  for (const part of glance) expect(await inView(part), await part.toString()).toBe(true);
  expect(await f.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const speakerSize = await glance[0]!.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const timeSize = await glance[1]!.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(speakerSize).toBeGreaterThanOrEqual(40);
  expect(timeSize).toBeGreaterThanOrEqual(56);
  await accessible(f, 'console-watch-layout');

  await f.getByRole('button', { name: 'Let Cy in' }).click();
  await f.getByRole('button', { name: 'Clear: Ann needs a moment' }).click();
  // Everything else is one click away, and the choice is remembered.
  await f.getByRole('button', { name: /^Show everything/ }).click();
  await f.locator('[data-layout="full"]').waitFor();
  await pressKey(f, 'w');
  await f.reload();
  await f.locator('[data-layout="watch"]').waitFor();
  await pressKey(f, 'w');
  await f.locator('[data-layout="full"]').waitFor();
}, 60_000);

test('issue 13, item 6: the emergency stop works while reconnecting, takes a note, leaves an honest stepper, and the TV text is large', async () => {
  const f = pages.facilitator!;
  const ann = pages.ann!;
  const display = await open('display', 'tv', `/display#token=${fx.links.display.token}`);
  await display.getByRole('heading', { name: 'Letters' }).waitFor();

  await f.context().setOffline(true);
  await f.getByText('Reconnecting…').waitFor();
  const stop = f.getByRole('button', { name: 'Emergency stop…' });
  await eventually(() => stop.isEnabled()).toBe(true);
  await stop.click();
  const dialog = f.getByRole('dialog', { name: 'Stop the meeting for safety?' });
  await dialog.getByText('the stop is sent as soon as the connection is back').waitFor();
  await dialog.getByLabel(/Incident note/).fill('Sam left the room upset; Bob went with him');
  await accessible(f, 'console-emergency-confirm-offline');
  await dialog.getByRole('button', { name: 'Stop the meeting now' }).click();
  const queued = f.locator('[data-stop-queued]');
  await queued.getByText('Emergency stop is waiting for the connection').waitFor();
  await screenshot(f, 'console-emergency-queued');
  expect(await ann.locator('[data-screen="crisis"]').count()).toBe(0); // not sent yet

  await f.context().setOffline(false);
  for (const page of [ann, display, f]) await page.locator('[data-screen="crisis"]').waitFor({ timeout: 20_000 });
  await eventually(() => queued.count()).toBe(0);

  // Stopped during the letters: neither the offer nor the bottom lines happened.
  const stepper = f.getByRole('navigation', { name: 'Agenda' });
  expect(await stepper.locator('li', { hasText: 'Letters' }).getAttribute('data-mark')).toBe('done');
  expect(await stepper.locator('li', { hasText: 'The offer' }).getAttribute('data-mark')).not.toBe('done');
  expect(await stepper.locator('li', { hasText: 'Bottom lines' }).getAttribute('data-mark')).not.toBe('done');
  await f.locator('[data-incident-note]').getByText('Sam left the room upset; Bob went with him').waitFor(); // the note reached the server
  await accessible(f, 'console-after-stop');

  const tv = display.locator('[data-screen="crisis"]');
  expect(await tv.locator('h1').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(56);
  expect(await tv.locator('.lead').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(40);
  expect(await tv.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(1000);
  await accessible(display, 'display-crisis-large');

  for (const [name, errors] of Object.entries(pageErrors)) expect(errors, name).toEqual([]);
}, 90_000);
