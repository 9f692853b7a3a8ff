// The tablet after its JavaScript was made smaller to leave room within its 40 KB (issue 15;
// client/page-builds.mjs): built with Terser, without Socket.IO's WebTransport and without the
// modulepreload polyfill; its screens without state in Svelte's runes mode; the letter's text sizes
// in CSS. Nothing a person sees or can do may change, in English or Spanish:
// 1. the page is one script and connects as before, long-polling first and then a WebSocket;
// 2. where a venue's network blocks WebSockets it keeps working over long-polling alone;
// 3. the language switch, the speaking order's marks and the letter's five text sizes (remembered on
//    the device) work as they did. Each screen: axe with no serious or critical violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FacilitatorView } from '../../shared/meeting/view.js';
import { Client, createFixture, PRIVATE, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, eventually, launch, screenshot, seriousViolations } from './browser.js';

let server: Running;
let browser: Browser;
let fx: Fixture;
let facilitator: Client;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

beforeAll(async () => {
  assertClientBuilt();
  server = await startServer();
  browser = await launch();
  fx = await createFixture(server.url);
  facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
});

afterAll(async () => {
  facilitator?.socket.disconnect();
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

const linkOf = (participantId: string) => {
  const url = new URL(fx.links.participants.find((l) => l.participantId === participantId)!.url);
  return server.url + url.pathname + url.hash;
};

interface Watched {
  page: Page;
  /** JavaScript files the page requested. */
  scripts: string[];
  /** Socket.IO WebSockets the page opened (passed through) or tried (refused), by count. */
  sockets: { opened: number; refused: number };
}

/**
 * A tablet as openPage makes one (tests/e2e/browser.ts), watched from before its first request:
 * its scripts, and its Socket.IO WebSockets, passed to the server or, with `blockWebSockets`, closed
 * at once as a proxy that does not let them through would.
 */
async function openTablet(url: string, blockWebSockets = false): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, reducedMotion: 'reduce' });
  contexts.push(context);
  context.setDefaultTimeout(10_000);
  const sockets = { opened: 0, refused: 0 };
  await context.routeWebSocket(
    (u) => u.pathname.startsWith('/socket.io'),
    (ws) => {
      if (blockWebSockets) {
        sockets.refused += 1;
        void ws.close();
        return;
      }
      sockets.opened += 1;
      ws.connectToServer();
    },
  );
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, scripts, sockets };
}

async function accessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** The letter's font size in rem (the page's root size is the unit). */
function letterSize(page: Page): Promise<number> {
  return page.locator('[data-size]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize) / parseFloat(getComputedStyle(document.documentElement).fontSize));
}

test('issue 15, the tablet’s 40 KB: one script, long-polling then a WebSocket; the language switch works both ways', async () => {
  const { page: ann, scripts, sockets } = await openTablet(linkOf(fx.ids.ann));
  await ann.getByRole('button', { name: 'I’m ready' }).waitFor();
  await eventually(() => sockets.opened).toBeGreaterThan(0);
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/^\/assets\/tablet-[\w-]+\.js$/);

  // The switch (a screen without state, now compiled in runes mode) changes every word and says which is on.
  const languages = ann.locator('[data-language-switch]');
  await languages.getByRole('button', { name: 'Español' }).click();
  await ann.getByRole('heading', { name: 'Llegada' }).waitFor();
  expect(await languages.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');
  expect(await ann.evaluate(() => document.documentElement.lang)).toBe('es');
  await ann.getByRole('button', { name: 'Todo listo' }).click();
  await ann.getByText('Ha indicado que está todo listo. Gracias.').waitFor();
  await accessible(ann, 'tablet-bundle-ready-es');
  await languages.getByRole('button', { name: 'English' }).click();
  await ann.getByText('You’re marked as ready. Thank you.').waitFor();
  expect(await ann.evaluate(() => document.documentElement.lang)).toBe('en');
  await facilitator.waitFor((v) => (v as FacilitatorView).members.some((m) => m.participantId === fx.ids.ann && m.ready));
  await ann.context().close(); // one screen on Ann's link again, for the last test
}, 60_000);

test('issue 15, the tablet’s 40 KB: where WebSockets are blocked the tablet keeps working over long-polling', async () => {
  const { page: bob, sockets } = await openTablet(linkOf(fx.ids.bob), true);
  await bob.getByRole('button', { name: 'I’m ready' }).waitFor();
  await eventually(() => sockets.refused).toBeGreaterThan(0);
  expect(sockets.opened).toBe(0);
  // A command goes out and the view it makes comes back, over long-polling alone.
  await bob.getByRole('button', { name: 'I’m ready' }).click();
  await bob.getByText('You’re marked as ready. Thank you.').waitFor();
  expect(await facilitator.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
  expect(await facilitator.send({ type: 'turns.begin' })).toMatchObject({ ok: true });
  await bob.locator('main[data-phase="speaking"]').waitFor();
  await bob.getByRole('button', { name: 'I need a moment' }).click();
  await bob.getByText('The facilitator has been told, quietly.').waitFor();
  await facilitator.waitFor((v) => (v as FacilitatorView).signals.some((s) => s.participantId === fx.ids.bob && s.kind === 'need-a-moment'));
  await accessible(bob, 'tablet-bundle-polling-only');
}, 60_000);

test('issue 15, the tablet’s 40 KB: the speaking order’s marks and the letter’s five text sizes, remembered on the device', async () => {
  const { page: ann } = await openTablet(linkOf(fx.ids.ann));
  await ann.locator('main').getByText('It’s your turn').waitFor();
  // Ann speaks: her row is marked as speaking and as hers; Bob's as waiting.
  const order = ann.getByRole('region', { name: 'Speaking order' });
  await order.locator('li.speaking.you').getByText('Ann').waitFor();
  expect(await order.locator('li.waiting').getByText('Bob').count()).toBe(1);

  const letter = ann.getByRole('region', { name: 'Your letter, the text' });
  await letter.getByText(PRIVATE.annLetter).waitFor();
  expect(await letterSize(ann)).toBeCloseTo(1.5, 2); // the second of five sizes, as before
  const larger = ann.getByRole('button', { name: 'A+ larger text' });
  const smaller = ann.getByRole('button', { name: 'A− smaller text' });
  for (const size of [1.8, 2.2, 2.7]) {
    await larger.click();
    await eventually(() => letterSize(ann)).toBeCloseTo(size, 2);
  }
  expect(await larger.isDisabled()).toBe(true);
  await accessible(ann, 'tablet-bundle-letter-largest');
  for (const size of [2.2, 1.8, 1.5, 1.25]) {
    await smaller.click();
    await eventually(() => letterSize(ann)).toBeCloseTo(size, 2);
  }
  expect(await smaller.isDisabled()).toBe(true);

  // The size chosen stays on this device.
  await larger.click();
  await ann.reload();
  await ann.getByRole('region', { name: 'Your letter, the text' }).getByText(PRIVATE.annLetter).waitFor();
  expect(await letterSize(ann)).toBeCloseTo(1.5, 2);
  await ann.getByRole('button', { name: 'Español' }).click();
  await ann.getByRole('region', { name: 'Su carta, el texto' }).waitFor();
  expect(await letterSize(ann)).toBeCloseTo(1.5, 2);
  await accessible(ann, 'tablet-bundle-letter-es');
  expect(errors).toEqual([]);
}, 60_000);
