// The activity record in the console: after a few things happen in a meeting
// (a tablet marks ready, a remote relative is let in, the meeting starts, a
// link is replaced), the facilitator reads them in plain words, oldest first,
// with the hash chain intact; a refresh brings what happened since, and an
// entry forged in the SQLite file is named as the place the record was altered.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { assertClientBuilt, eventually, launch, openPage, screenshot, seriousViolations, type Device } from './browser.js';

interface Entry {
  seq: number;
  action: string;
  detail: Record<string, unknown> | null;
}

let dataDir: string;
let server: Running;
let browser: Browser;
let fx: Fixture;
const pages: Record<string, Page> = {};
const pageErrors: Record<string, string[]> = {};

beforeAll(async () => {
  assertClientBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'threshold-e2e-audit-'));
  server = await startServer({}, dataDir);
  fx = await createFixture(server.url);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
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

async function pressEnter(target: Locator) {
  await eventually(() => target.isEnabled()).toBe(true);
  await target.focus();
  await target.page().keyboard.press('Enter');
}

async function audit(): Promise<{ entries: Entry[]; chain: { intact: boolean; checked: number; brokenAt: number | null } }> {
  return (await fx.api.get(`/api/meetings/${fx.meetingId}/audit`)).body;
}
const commandsLogged = async () => (await audit()).entries.filter((e) => e.action === 'command').map((e) => e.detail!.type);

/** Each row of the record as its cells read: entry, time, who, what happened, revision. */
const rowsOf = (page: Page) =>
  page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => (cell as HTMLElement).innerText.trim())));

test('a few things happen in the meeting', async () => {
  const f = await open('facilitator', 'laptop', '/');
  await f.getByLabel('Email').fill('dana@example.org');
  await f.getByLabel('Password').fill('correct horse battery');
  await f.getByRole('button', { name: 'Sign in' }).click();
  await f.getByRole('link', { name: 'For Sam' }).waitFor();
  await f.goto(`${server.url}/#/meetings/${fx.meetingId}`);

  const ann = await open('ann', 'tablet', `/tablet#token=${fx.tokenOf(fx.ids.ann)}`);
  await ann.getByRole('button', { name: 'I’m ready' }).click();
  await eventually(commandsLogged).toEqual(['participant.ready']);

  const cy = await open('cy', 'phone', `/remote#token=${fx.tokenOf(fx.ids.cy)}`);
  await cy.getByText('Sam’s family meeting. Dana will let you in.').waitFor();
  await pressEnter(f.getByRole('button', { name: 'Let Cy in' }));
  await pressEnter(f.getByRole('button', { name: 'Start the meeting' }));
  await pressEnter(f.getByRole('button', { name: 'Begin the letters' }));
  await ann.locator('main').getByText('It’s your turn').waitFor();
  await pressEnter(f.getByRole('button', { name: /^Next speaker/ }));
  await eventually(commandsLogged).toEqual(['participant.ready', 'lobby.admit', 'meeting.start', 'turns.begin', 'turn.next']);

  // Bob's tablet was lost: his link is revoked and a new one made.
  const bobLink = fx.links.participants.find((l) => l.participantId === fx.ids.bob)!;
  expect((await fx.api.delete(`/api/meetings/${fx.meetingId}/links/${bobLink.id}`)).status).toBe(204);
  expect((await fx.api.post(`/api/meetings/${fx.meetingId}/links/${bobLink.id}/reissue`)).status).toBe(201);
}, 60_000);

test('the facilitator reads the activity record in plain words, oldest first, with the chain intact', async () => {
  const f = pages.facilitator!;
  await pressEnter(f.getByRole('link', { name: 'Activity record' }));
  await f.getByRole('heading', { name: 'Activity record', level: 1 }).waitFor();
  await f.getByRole('table', { name: 'Everything recorded for this meeting, oldest first' }).waitFor();

  const expected = [
    ['You', 'Created the meeting'],
    ['You', 'Made a link for Ann'],
    ['You', 'Made a link for Bob'],
    ['You', 'Made a link for Cy'],
    ['You', 'Made the shared remote link'],
    ['You', 'Made the room display link'],
    ['Ann', 'Said they are ready'],
    ['You', 'Let Cy in from the lobby'],
    ['You', 'Started the meeting'],
    ['You', 'Began the letters'],
    ['You', 'Called the next speaker'],
    ['You', 'Revoked the link for Bob'],
    ['You', 'Made a new link for Bob'],
  ];
  await eventually(async () => (await rowsOf(f)).map(([, , who, what]) => [who, what])).toEqual(expected);

  const rows = await rowsOf(f);
  const { entries, chain } = await audit();
  // Oldest first, each row its entry's number, and a command's revision beside it.
  expect(rows.map(([entry]) => entry)).toEqual(entries.map((e) => `#${e.seq}`));
  expect(rows.map((row) => row[4])).toEqual(entries.map((e) => (e.action === 'command' ? String(e.detail!.revision) : '')));
  for (const [, time] of rows) expect(time).toMatch(/\d{1,2}:\d\d:\d\d/);

  expect(chain.intact).toBe(true);
  expect(await f.locator('[data-chain="intact"]').innerText()).toContain(`Record intact: ${chain.checked} entries checked`);
  expect(await f.locator('[data-chain="broken"]').count()).toBe(0);
  await accessible(f, 'console-activity-record');
}, 60_000);

test('Refresh brings what happened since; an entry forged in the database file is named plainly', async () => {
  const f = pages.facilitator!;
  await pages.ann!.getByRole('button', { name: 'I need a moment' }).click();
  await eventually(commandsLogged).toContain('signal.send');
  expect(await f.getByRole('cell', { name: 'Sent a signal' }).count()).toBe(0);
  await pressEnter(f.getByRole('button', { name: 'Refresh' }));
  const last = f.locator('tbody tr').last();
  await eventually(() => last.innerText()).toMatch(/Ann\s+Sent a signal/);
  await f.getByRole('status').getByText(/14 entries for this meeting/).waitFor();

  // Someone with the file in hand drops the guard and changes who started the meeting.
  const started = (await audit()).entries.find((e) => e.detail?.type === 'meeting.start')!;
  const db = new Database(join(dataDir, 'threshold.sqlite'));
  db.exec('DROP TRIGGER audit_no_update');
  db.prepare("UPDATE audit SET actor_id = 'someone-else' WHERE seq = ?").run(started.seq);
  db.close();

  await pressEnter(f.getByRole('button', { name: 'Refresh' }));
  const warning = f.locator('[data-chain="broken"]');
  await eventually(() => warning.isVisible()).toBe(true);
  expect(await warning.innerText()).toContain(`This record was altered at entry #${started.seq}`);
  expect(await f.locator('[data-chain="intact"]').count()).toBe(0);
  // The altered entry is marked; the ones after it went unchecked; the ones before it hold.
  await f.locator(`tr[data-seq="${started.seq}"]`, { hasText: 'altered here' }).waitFor();
  expect(await last.innerText()).toContain('not checked');
  const before = f.locator('tbody tr').filter({ has: f.getByRole('rowheader', { name: /^#\d+$/ }) });
  expect(await before.count()).toBe((await audit()).entries.filter((e) => e.seq < started.seq).length);
  await accessible(f, 'console-activity-record-altered');

  expect(Object.entries(pageErrors).filter(([, list]) => list.length > 0)).toEqual([]);
}, 60_000);
