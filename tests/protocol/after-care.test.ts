// Issue 11, sections 4 and 5, over a real server: a recorded outcome moves the
// case to after-care through the case machine and schedules its follow-ups
// (exact due dates), once only, across restarts; after a no, each approved
// bottom line becomes a commitment that only its own person's link reaches.
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { Api, Client, createFixture, startServer, PRIVATE, type Fixture, type Running } from '../helpers/server.js';
import { put, patch } from './case-support.js';
import { Family } from './prepare-support.js';
import { PASSWORD, secondFacilitator } from './support.js';

/** 31 August 2026, 15:30 UTC: a month end, so the 6-month follow-up shows the clamp to 28 February. */
const T = Date.UTC(2026, 7, 31, 15, 30);
const DAY = 86_400_000;
let now = T;
const dataDir = mkdtempSync(join(tmpdir(), 'threshold-aftercare-'));
let server: Running;
const clients: Client[] = [];

const NAMES = { lovedOne: 'Zebediah-Quill', ann: 'Annabel-Marsh', bob: 'Bartholomew-Finch', cy: 'Cyrilla-Holt' };
const CHECK_IN = 'Check-in-heron-lattice: I kept the rent unpaid this month';
const SESSION_NOTE = 'Session-notes-copper-fjord: practised a calm answer to a request for money';
const FOLLOW_UP_NOTE = 'Follow-up-note-amber-quarry: he answered and sounded tired';

beforeAll(async () => {
  server = await startServer({}, dataDir, () => now);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const store = () => server.threshold.services.store as SqliteStore;

/** Signs `api` in again on the current server: a restart or a jump of the clock past the idle limit ends sessions. */
async function signIn(api: Api, email = 'dana@example.org') {
  Object.assign(api, { url: server.url });
  api.cookie = '';
  expect((await api.post('/api/login', { email, password: PASSWORD })).status).toBe(200);
}

async function fixture(api?: Fixture['api']): Promise<Fixture> {
  return createFixture(server.url, { names: NAMES, ...(api ? { api } : {}) });
}

/** Records `outcome` in the fixture's meeting, from its console. */
async function endMeeting(fx: Fixture, outcome: string, extra: Record<string, unknown> = {}) {
  const facilitator = await Client.open(server.url, { meetingId: fx.meetingId }, fx.api.cookie);
  clients.push(facilitator);
  expect(await facilitator.send({ type: 'meeting.end', outcome, ...extra } as never)).toMatchObject({ ok: true });
  return facilitator;
}

/** The due dates of the schedule after an outcome at T, as ISO strings: UTC calendar arithmetic. */
const EXPECTED_DUE = [
  ['1-day', '2026-09-01T15:30:00.000Z'],
  ['3-days', '2026-09-03T15:30:00.000Z'],
  ['1-week', '2026-09-07T15:30:00.000Z'],
  ['2-weeks', '2026-09-14T15:30:00.000Z'],
  ['30-days', '2026-09-30T15:30:00.000Z'],
  ['60-days', '2026-10-30T15:30:00.000Z'],
  ['90-days', '2026-11-29T15:30:00.000Z'],
  ['6-months', '2027-02-28T15:30:00.000Z'],
  ['1-year', '2027-08-31T15:30:00.000Z'],
];

const schedule = async (fx: Fixture) =>
  ((await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body.followUps as Array<{ kind: string; dueAt: number }>).map((f) => [f.kind, new Date(f.dueAt).toISOString()]);

test('issue 11, case 1: a declined outcome moves the case to after-care, audited like a stage move, with the follow-ups at their exact due dates', async () => {
  now = T;
  const fx = await fixture();
  await endMeeting(fx, 'declined');
  const stage = await fx.api.get(`/api/cases/${fx.caseId}/stage`);
  expect(stage.body.stage).toBe('after-care');
  expect(stage.body.history).toEqual([{ from: 'intake', to: 'after-care', at: T, by: expect.any(String) }]);
  const audit = (await store().audit.list(null)).filter((a) => a.subjectId === fx.caseId && a.action === 'case.stage');
  expect(audit.map((a) => a.detail)).toEqual([{ from: 'intake', to: 'after-care' }]);
  expect(audit[0]!.actorId).toBe(stage.body.history[0].by);
  expect(await schedule(fx)).toEqual(EXPECTED_DUE);
  const list = (await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body.followUps;
  expect(list.every((f: { status: string; note: unknown; caseId: string }) => f.status === 'due' && f.note === null && f.caseId === fx.caseId)).toBe(true);

  // The plan: Ann's and Bob's bottom lines as commitments (Cy has none), nothing decided yet.
  const plan = await fx.api.get(`/api/cases/${fx.caseId}/next-steps`);
  expect(plan.status).toBe(200);
  expect(plan.body.outcome).toBe('declined');
  expect(plan.body.commitments).toEqual([
    { participantId: fx.ids.ann, name: NAMES.ann, commitment: PRIVATE.annBottomLine, status: 'not-yet', checkIns: [] },
    { participantId: fx.ids.bob, name: NAMES.bob, commitment: PRIVATE.bobBottomLine, status: 'not-yet', checkIns: [] },
  ]);
  expect(plan.body.plan).toMatchObject({ outcome: 'declined', decideBy: null, nextAttempt: { kind: 'undecided' } });
});

test('issue 11, case 2: a deferred outcome keeps its decide-by date; an accepted one gets follow-ups but no next-steps plan; a rehearsal changes nothing', async () => {
  now = T;
  const deferred = await fixture();
  await endMeeting(deferred, 'deferred', { decideBy: '2026-09-10' });
  expect((await deferred.api.get(`/api/cases/${deferred.caseId}/next-steps`)).body.plan.decideBy).toBe('2026-09-10');

  const accepted = await fixture(deferred.api);
  await endMeeting(accepted, 'accepted');
  expect((await accepted.api.get(`/api/cases/${accepted.caseId}/stage`)).body.stage).toBe('after-care');
  expect(await schedule(accepted)).toEqual(EXPECTED_DUE);
  expect((await accepted.api.get(`/api/cases/${accepted.caseId}/next-steps`)).status).toBe(404);

  const practice = await fixture(deferred.api);
  const rehearsal = await practice.api.post(`/api/cases/${practice.caseId}/meetings`, { speakingOrder: [practice.ids.ann], rehearsal: true });
  expect(rehearsal.status).toBe(201);
  const console = await Client.open(server.url, { meetingId: rehearsal.body.id }, practice.api.cookie);
  clients.push(console);
  expect(await console.send({ type: 'meeting.end', outcome: 'declined' } as never)).toMatchObject({ ok: true });
  expect((await practice.api.get(`/api/cases/${practice.caseId}/stage`)).body.stage).toBe('intake');
  expect((await practice.api.get(`/api/cases/${practice.caseId}/follow-ups`)).body).toEqual({ begun: false, followUps: [] });
});

test('issue 11, case 3: a second outcome and restarts create no second schedule, and an outcome whose hook failed gets its after-care at the next start', async () => {
  now = T;
  const fx = await fixture();
  // The hook fails this once (the store refuses the after-care row); the outcome itself is stored.
  store().db.exec(`CREATE TRIGGER refuse_after_care BEFORE INSERT ON after_care BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
  await endMeeting(fx, 'walked-out');
  store().db.exec('DROP TRIGGER refuse_after_care');
  expect((await fx.api.get(`/api/cases/${fx.caseId}/stage`)).body.stage).toBe('intake');
  expect((await fx.api.get(`/api/cases/${fx.caseId}/follow-ups`)).body.followUps).toEqual([]);

  // Restarted a day later: the schedule counts from the outcome, not from the restart.
  for (const c of clients.splice(0)) c.close();
  await server.close();
  now = T + DAY;
  server = await startServer({}, dataDir, () => now);
  const api = fx.api;
  await signIn(api);
  expect((await api.get(`/api/cases/${fx.caseId}/stage`)).body.stage).toBe('after-care');
  expect(await schedule(fx)).toEqual(EXPECTED_DUE);

  // Another restart, then a second meeting of the same case records its outcome: still one schedule.
  await server.close();
  server = await startServer({}, dataDir, () => now);
  await signIn(api);
  const second = await api.post(`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann, fx.ids.bob] });
  expect(second.status).toBe(201);
  await endMeeting({ ...fx, meetingId: second.body.id }, 'declined');
  expect(await schedule(fx)).toEqual(EXPECTED_DUE);
  const history = (await api.get(`/api/cases/${fx.caseId}/stage`)).body.history;
  expect(history).toHaveLength(1);
  expect((await api.get(`/api/cases/${fx.caseId}/next-steps`)).body.outcome).toBe('walked-out');
});

test('issue 11, case 15: an outcome whose hook failed gets its after-care when the meeting is closed (a closed meeting is not restored)', async () => {
  now = T;
  const fx = await fixture();
  store().db.exec(`CREATE TRIGGER refuse_after_care BEFORE INSERT ON after_care BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`);
  const facilitator = await endMeeting(fx, 'declined');
  store().db.exec('DROP TRIGGER refuse_after_care');
  expect((await fx.api.get(`/api/cases/${fx.caseId}/stage`)).body.stage).toBe('intake');
  expect(await facilitator.send({ type: 'meeting.close' } as never)).toMatchObject({ ok: true });
  expect((await fx.api.get(`/api/cases/${fx.caseId}/stage`)).body.stage).toBe('after-care');
  expect(await schedule(fx)).toEqual(EXPECTED_DUE);
});

test('issue 11, case 4: each participant sees and updates only their own commitment from their link', async () => {
  now = T;
  const fx = await fixture();
  const link = async (id: string) => {
    const res = await fx.api.post(`/api/cases/${fx.caseId}/participants/${id}/prepare-link`);
    expect(res.status).toBe(201);
    return new Family(server.url, res.body.token);
  };
  const [ann, bob, cy] = [await link(fx.ids.ann), await link(fx.ids.bob), await link(fx.ids.cy)];
  expect((await ann.get('/api/prepare/commitment')).body).toEqual({ commitment: null });
  await endMeeting(fx, 'declined');

  expect((await ann.get('/api/prepare/commitment')).body.commitment).toEqual({ commitment: PRIVATE.annBottomLine, status: 'not-yet', checkIns: [] });
  now = T + 2 * DAY;
  const updated = await ann.put('/api/prepare/commitment', { status: 'kept', checkIn: CHECK_IN });
  expect(updated.status).toBe(200);
  expect(updated.body.commitment).toEqual({ commitment: PRIVATE.annBottomLine, status: 'kept', checkIns: [{ at: T + 2 * DAY, note: CHECK_IN }] });
  // Bob's link reaches Bob's commitment only: untouched by Ann, and his change leaves hers alone.
  expect((await bob.get('/api/prepare/commitment')).body.commitment).toEqual({ commitment: PRIVATE.bobBottomLine, status: 'not-yet', checkIns: [] });
  expect((await bob.put('/api/prepare/commitment', { status: 'changed' })).body.commitment.status).toBe('changed');
  // No route takes anyone's id: naming Ann in the body is refused.
  expect((await bob.put('/api/prepare/commitment', { status: 'not-yet', participantId: fx.ids.ann })).status).toBe(400);
  expect((await ann.get('/api/prepare/commitment')).body.commitment.status).toBe('kept');
  // Cy had no bottom line: nothing to see or change.
  expect((await cy.get('/api/prepare/commitment')).body).toEqual({ commitment: null });
  expect((await cy.put('/api/prepare/commitment', { status: 'kept' })).status).toBe(404);
  expect((await new Family(server.url, 'not-a-real-token-at-all').get('/api/prepare/commitment')).status).toBe(401);

  // The interventionist sees all of them, and another facilitator sees none.
  await signIn(fx.api);
  const plan = (await fx.api.get(`/api/cases/${fx.caseId}/next-steps`)).body;
  expect(plan.commitments.map((c: { status: string }) => c.status)).toEqual(['kept', 'changed']);
  const eli = await secondFacilitator(server);
  expect((await eli.get(`/api/cases/${fx.caseId}/next-steps`)).status).toBe(404);
  expect((await eli.get(`/api/cases/${fx.caseId}/follow-ups`)).status).toBe(404);
});

test('issue 11, case 5: the plan saves the family track, the next attempt and the safety plan; decide-by only for deferred; strangers refused', async () => {
  now = T;
  const fx = await fixture();
  await endMeeting(fx, 'declined');
  const body = {
    family: { sessions: [{ date: '2026-09-05', topic: 'Rewarding sober time', notes: SESSION_NOTE }], supportGroups: [{ name: 'Al-Anon', meets: 'Tuesdays 7pm' }], selfCare: 'Walks' },
    decideBy: null,
    nextAttempt: { kind: 'next-arise-level', plannedFor: '2026-10-01', notes: '' },
    safetyPlan: { warningSigns: '', whoToCall: '', steps: '' },
    commitments: [{ participantId: fx.ids.bob, commitment: PRIVATE.bobBottomLine, status: 'kept', checkIns: [] }],
  };
  const saved = await put(fx.api, `/api/cases/${fx.caseId}/next-steps`, body);
  expect(saved.status).toBe(200);
  expect(saved.body.plan).toMatchObject({ family: body.family, nextAttempt: body.nextAttempt, outcome: 'declined' });
  expect(saved.body.commitments.find((c: { participantId: string }) => c.participantId === fx.ids.bob).status).toBe('kept');
  expect(saved.body.safetyFlags).toEqual([]);
  const refused = await put(fx.api, `/api/cases/${fx.caseId}/next-steps`, { ...body, decideBy: '2026-09-20' });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toMatch(/^decideBy: only a deferred outcome/);
  const stranger = await put(fx.api, `/api/cases/${fx.caseId}/next-steps`, { ...body, commitments: [{ ...body.commitments[0], participantId: fx.ids.cy }] });
  expect(stranger.status).toBe(400);
  expect(stranger.body.error.message).toMatch(/^commitments\.0\.participantId/);
});

test('issue 11, case 18: a case with a safety flag asks for the safety plan, which is saved with the rest', async () => {
  now = T;
  const fx = await fixture();
  expect((await put(fx.api, `/api/cases/${fx.caseId}/assessment`, { safety: { violenceHistory: true } })).status).toBe(200);
  await endMeeting(fx, 'walked-out');
  const plan = (await fx.api.get(`/api/cases/${fx.caseId}/next-steps`)).body;
  expect(plan.safetyFlags).toEqual(['violence-risk']);
  const safetyPlan = { warningSigns: 'Shouting, keys in hand', whoToCall: '911; the crisis line', steps: 'Leave by the back door' };
  const saved = await put(fx.api, `/api/cases/${fx.caseId}/next-steps`, { ...plan.plan, outcome: undefined, safetyPlan });
  expect(saved.status).toBe(200);
  expect(saved.body.plan.safetyPlan).toEqual(safetyPlan);
});

test('issue 11, case 6: follow-ups can be added, moved, skipped and marked done with a note; the due lists count in the zone asked for', async () => {
  now = T;
  const other = await secondFacilitator(server, 'fay@example.org');
  const fx = await fixture(other);
  await endMeeting(fx, 'declined');
  const list = async (query: string) => (await other.get(`/api/follow-ups${query}`)).body;

  // 2 September, 02:00 UTC: in UTC the 1-day call (1 September) is overdue; in Los Angeles it is still 1 September.
  now = Date.UTC(2026, 8, 2, 2, 0);
  await signIn(other, 'fay@example.org');
  expect((await list('?due=overdue')).counts).toEqual({ today: 0, overdue: 1, week: 2 });
  const la = await list('?due=today&tz=America/Los_Angeles');
  expect(la.counts).toEqual({ today: 1, overdue: 0, week: 3 });
  expect(la.followUps.map((f: { kind: string }) => f.kind)).toEqual(['1-day']);
  expect((await other.get('/api/follow-ups?due=today&tz=Mars/Olympus')).status).toBe(400);

  const ids = Object.fromEntries((await other.get(`/api/cases/${fx.caseId}/follow-ups`)).body.followUps.map((f: { kind: string; id: string }) => [f.kind, f.id]));
  const path = (id: string) => `/api/cases/${fx.caseId}/follow-ups/${id}`;
  expect((await patch(other, path(ids['1-day']), { status: 'done', note: FOLLOW_UP_NOTE })).body).toMatchObject({ status: 'done', note: FOLLOW_UP_NOTE });
  expect((await patch(other, path(ids['3-days']), { status: 'skipped' })).body.status).toBe('skipped');
  const moved = Date.UTC(2026, 8, 8, 9, 0);
  expect((await patch(other, path(ids['1-week']), { dueAt: moved })).body.dueAt).toBe(moved);
  const added = await other.post(`/api/cases/${fx.caseId}/follow-ups`, { dueAt: Date.UTC(2026, 8, 2, 18, 0), note: 'Ask about the support group' });
  expect(added.status).toBe(201);
  expect(added.body).toMatchObject({ kind: 'extra', status: 'due', caseId: fx.caseId });
  expect((await list('?due=today')).followUps.map((f: { kind: string }) => f.kind)).toEqual(['extra']);
  expect((await list('?due=week')).followUps.map((f: { kind: string }) => f.kind)).toEqual(['extra', '1-week']);
  expect((await patch(other, path('no-such-follow-up'), { status: 'done' })).status).toBe(404);
  expect((await patch(other, path(ids['2-weeks']), {})).status).toBe(400);
});

test('issue 11, case 7: the calendar feed parses as iCalendar, one "Follow-up call" per due follow-up, with no name in it', async () => {
  now = T;
  const { default: ICAL } = await import('ical.js');
  const other = await secondFacilitator(server, 'gus@example.org');
  const fx = await fixture(other);
  await endMeeting(fx, 'declined');
  const res = await fetch(`${server.url}/api/follow-ups.ics`, { headers: { cookie: other.cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
  const text = await res.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(9);
  expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(EXPECTED_DUE.map(([, at]) => at));
  for (const e of events) {
    expect(e.summary).toBe('Follow-up call');
    expect(e.description).toBe(`Case ${fx.caseId.slice(0, 8)}`);
  }
  for (const word of [...Object.values(NAMES), 'Dana', PRIVATE.annBottomLine, PRIVATE.bobBottomLine, 'declined']) expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
  expect((await fetch(`${server.url}/api/follow-ups.ics`)).status).toBe(401);
});

test('issue 11, case 8: on disk, the plan, commitments, check-ins and follow-up notes are sealed', async () => {
  const onDisk = readdirSync(dataDir).filter((f) => f.startsWith('threshold.sqlite'))
    .map((f) => readFileSync(join(dataDir, f)).toString('latin1')).join('\n');
  expect(onDisk.length).toBeGreaterThan(0);
  for (const text of [CHECK_IN, SESSION_NOTE, FOLLOW_UP_NOTE, PRIVATE.annBottomLine, 'Rewarding sober time', 'next-arise-level', '"walked-out"']) {
    expect({ text, found: onDisk.includes(text.slice(0, 30)) }).toEqual({ text, found: false });
  }
  const db = new Database(join(dataDir, 'threshold.sqlite'), { readonly: true });
  try {
    const sealed = db.prepare('SELECT record_json AS v FROM after_care UNION ALL SELECT commitment_json FROM commitments UNION ALL SELECT note FROM follow_ups WHERE note IS NOT NULL').all() as Array<{ v: string }>;
    expect(sealed.length).toBeGreaterThanOrEqual(5);
    for (const { v } of sealed) expect(v.startsWith('{') || v.includes(' ')).toBe(false);
  } finally {
    db.close();
  }
});
