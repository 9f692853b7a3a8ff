// Shared pieces of the after-care tests (issue 11, sections 4 and 5): a real
// server on a data directory that outlives restarts, with a clock the test
// moves, and the steps every test takes: a case with a meeting, its outcome
// recorded from the console, and the schedule read back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { Api, Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';
import { PASSWORD } from './support.js';

/** 31 August 2026, 15:30 UTC: a month end, so the 6-month follow-up shows the clamp to 28 February. */
export const T = Date.UTC(2026, 7, 31, 15, 30);
export const DAY = 86_400_000;

/** Long, distinctive names, so that a search of the feed or the file cannot find them by chance. */
export const NAMES = { lovedOne: 'Zebediah-Quill', ann: 'Annabel-Marsh', bob: 'Bartholomew-Finch', cy: 'Cyrilla-Holt' };

/**
 * The due dates of the schedule after an outcome at T (10:30 in Chicago), as ISO strings: each
 * call at 10:00 in the practice's zone (a newcomer's trial; before, each fell at 15:30 UTC, the
 * minute of the outcome), 16:00 UTC once Chicago's clocks have gone back.
 */
export const EXPECTED_DUE = [
  ['1-day', '2026-09-01T15:00:00.000Z'],
  ['3-days', '2026-09-03T15:00:00.000Z'],
  ['1-week', '2026-09-07T15:00:00.000Z'],
  ['2-weeks', '2026-09-14T15:00:00.000Z'],
  ['30-days', '2026-09-30T15:00:00.000Z'],
  ['60-days', '2026-10-30T15:00:00.000Z'],
  ['90-days', '2026-11-29T16:00:00.000Z'],
  ['6-months', '2027-02-28T16:00:00.000Z'],
  ['1-year', '2027-08-31T15:00:00.000Z'],
];

/** The practice's zone in these tests (PRACTICE_TIME_ZONE). */
export const PRACTICE_ZONE = 'America/Chicago';

export class AfterCareServer {
  /** The server's clock: tests set it. */
  now = T;
  /** More of the server's environment (FOLLOW_UP_TIME…). */
  constructor(private readonly env: Record<string, string> = {}) {}
  server!: Running;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'threshold-aftercare-'));
  private readonly clients: Client[] = [];

  async start(): Promise<void> {
    this.server = await startServer({ PRACTICE_TIME_ZONE: PRACTICE_ZONE, ...this.env }, this.dataDir, () => this.now);
  }

  /** Stops the server (its consoles with it) and starts another on the same data directory. */
  async restart(): Promise<void> {
    for (const c of this.clients.splice(0)) c.close();
    await this.server.close();
    await this.start();
  }

  store(): SqliteStore {
    return this.server.threshold.services.store as SqliteStore;
  }

  /** Signs `api` in again on the current server: a restart or a jump of the clock past the idle limit ends sessions. */
  async signIn(api: Api, email = 'dana@example.org'): Promise<void> {
    Object.assign(api, { url: this.server.url });
    api.cookie = '';
    expect((await api.post('/api/login', { email, password: PASSWORD })).status).toBe(200);
  }

  /** A Johnson case (Ann and Bob with bottom lines, Cy without) and its meeting. */
  fixture(api?: Api): Promise<Fixture> {
    return createFixture(this.server.url, { names: NAMES, ...(api ? { api } : {}) });
  }

  /** Records `outcome` in the fixture's meeting from its console; returns the console. */
  async endMeeting(fx: Fixture, outcome: string, extra: Record<string, unknown> = {}): Promise<Client> {
    const facilitator = await Client.open(this.server.url, { meetingId: fx.meetingId }, fx.api.cookie);
    this.clients.push(facilitator);
    expect(await facilitator.send({ type: 'meeting.end', outcome, ...extra } as never)).toMatchObject({ ok: true });
    return facilitator;
  }

  /** The case's follow-ups as `[kind, ISO due time]`, soonest first. */
  async schedule(fx: Fixture): Promise<string[][]> {
    const { followUps } = (await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body as { followUps: Array<{ kind: string; dueAt: number }> };
    return followUps.map((f) => [f.kind, new Date(f.dueAt).toISOString()]);
  }

  async close(): Promise<void> {
    for (const c of this.clients.splice(0)) c.close();
    await this.server?.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
