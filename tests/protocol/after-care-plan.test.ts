// Issue 11, sections 4 and 5, over a real server: after a no each approved
// bottom line becomes a commitment that only its own person's link reaches;
// the plan, the follow-ups and the due lists; the calendar feed; and sealing
// on disk of everything the earlier tests in this file wrote.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PRIVATE } from '../helpers/server.js';
import { AfterCareServer, DAY, EXPECTED_DUE, NAMES, T } from './after-care-support.js';
import { patch, put } from './case-support.js';
import { Family } from './prepare-support.js';
import { secondFacilitator } from './support.js';

const CHECK_IN = 'Check-in-heron-lattice: I kept the rent unpaid this month';
const SESSION_NOTE = 'Session-notes-copper-fjord: practised a calm answer to a request for money';
const FOLLOW_UP_NOTE = 'Follow-up-note-amber-quarry: he answered and sounded tired';

const h = new AfterCareServer();
beforeAll(() => h.start());
afterAll(() => h.close());

test('issue 11, case 4: each participant sees and updates only their own commitment from their link', async () => {
  h.now = T;
  const fx = await h.fixture();
  const link = async (id: string) => {
    const res = await fx.api.post(`/api/cases/${fx.caseId}/participants/${id}/prepare-link`);
    expect(res.status).toBe(201);
    return new Family(h.server.url, res.body.token);
  };
  const [ann, bob, cy] = [await link(fx.ids.ann), await link(fx.ids.bob), await link(fx.ids.cy)];
  expect((await ann.get('/api/prepare/commitment')).body).toEqual({ commitment: null });
  await h.endMeeting(fx, 'declined');

  expect((await ann.get('/api/prepare/commitment')).body.commitment).toEqual({ commitment: PRIVATE.annBottomLine, status: 'not-yet', checkIns: [] });
  h.now = T + 2 * DAY;
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
  expect((await new Family(h.server.url, 'not-a-real-token-at-all').get('/api/prepare/commitment')).status).toBe(401);

  // The interventionist sees all of them, and another facilitator sees none.
  await h.signIn(fx.api);
  const plan = (await fx.api.get(`/api/cases/${fx.caseId}/next-steps`)).body;
  expect(plan.commitments.map((c: { status: string }) => c.status)).toEqual(['kept', 'changed']);
  const eli = await secondFacilitator(h.server);
  expect((await eli.get(`/api/cases/${fx.caseId}/next-steps`)).status).toBe(404);
  expect((await eli.get(`/api/cases/${fx.caseId}/follow-ups`)).status).toBe(404);
});

test('issue 11, case 5: the plan saves the family track, the next attempt and the safety plan; decide-by only for deferred; strangers refused', async () => {
  h.now = T;
  const fx = await h.fixture();
  await h.endMeeting(fx, 'declined');
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
  h.now = T;
  const fx = await h.fixture();
  expect((await put(fx.api, `/api/cases/${fx.caseId}/assessment`, { safety: { violenceHistory: true } })).status).toBe(200);
  await h.endMeeting(fx, 'walked-out');
  const plan = (await fx.api.get(`/api/cases/${fx.caseId}/next-steps`)).body;
  expect(plan.safetyFlags).toEqual(['violence-risk']);
  const safetyPlan = { warningSigns: 'Shouting, keys in hand', whoToCall: '911; the crisis line', steps: 'Leave by the back door' };
  const saved = await put(fx.api, `/api/cases/${fx.caseId}/next-steps`, { ...plan.plan, outcome: undefined, safetyPlan });
  expect(saved.status).toBe(200);
  expect(saved.body.plan.safetyPlan).toEqual(safetyPlan);
});

test('issue 11, case 6: follow-ups can be added, moved, skipped and marked done with a note; the due lists count in the zone asked for', async () => {
  h.now = T;
  const other = await secondFacilitator(h.server, 'fay@example.org');
  const fx = await h.fixture(other);
  await h.endMeeting(fx, 'declined');
  const list = async (query: string) => (await other.get(`/api/follow-ups${query}`)).body;

  // 2 September, 02:00 UTC: in UTC the 1-day call (1 September) is overdue; in Los Angeles it is still 1 September.
  h.now = Date.UTC(2026, 8, 2, 2, 0);
  await h.signIn(other, 'fay@example.org');
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
  h.now = T;
  const { default: ICAL } = await import('ical.js');
  const other = await secondFacilitator(h.server, 'gus@example.org');
  const fx = await h.fixture(other);
  await h.endMeeting(fx, 'declined');
  const res = await fetch(`${h.server.url}/api/follow-ups.ics`, { headers: { cookie: other.cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
  const text = await res.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(9);
  expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(EXPECTED_DUE.map(([, at]) => at));
  // A newcomer's trial changed the words: the case's calendar label, not only its reference.
  const { label } = (await other.get(`/api/cases/${fx.caseId}/follow-ups`)).body.calendarLabel;
  expect(label).toMatch(/^Case \d+$/);
  for (const e of events) {
    expect(e.summary).toBe(`Follow-up call: ${label}`);
    expect(e.description).toBe(`Case reference ${fx.caseId.slice(0, 8)}`);
  }
  for (const word of [...Object.values(NAMES), 'Dana', PRIVATE.annBottomLine, PRIVATE.bobBottomLine, 'declined']) expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
  expect((await fetch(`${h.server.url}/api/follow-ups.ics`)).status).toBe(401);
});

test('issue 11, case 8: on disk, the plan, commitments, check-ins and follow-up notes are sealed', async () => {
  const onDisk = readdirSync(h.dataDir).filter((f) => f.startsWith('threshold.sqlite'))
    .map((f) => readFileSync(join(h.dataDir, f)).toString('latin1')).join('\n');
  expect(onDisk.length).toBeGreaterThan(0);
  for (const text of [CHECK_IN, SESSION_NOTE, FOLLOW_UP_NOTE, PRIVATE.annBottomLine, 'Rewarding sober time', 'next-arise-level', '"walked-out"']) {
    expect({ text, found: onDisk.includes(text.slice(0, 30)) }).toEqual({ text, found: false });
  }
  const db = new Database(join(h.dataDir, 'threshold.sqlite'), { readonly: true });
  try {
    const sealed = db.prepare('SELECT record_json AS v FROM after_care UNION ALL SELECT commitment_json FROM commitments UNION ALL SELECT note FROM follow_ups WHERE note IS NOT NULL').all() as Array<{ v: string }>;
    expect(sealed.length).toBeGreaterThanOrEqual(5);
    for (const { v } of sealed) expect(v.startsWith('{') || v.includes(' ')).toBe(false);
  } finally {
    db.close();
  }
});
