// Issue 9, privacy: the case file's health data (assessment, screening
// answers, objections and responses, reasons, a cancellation's note) is
// sealed on disk, and none of it reaches a participant's tablet or the
// display during a meeting started from the plan. Long distinctive strings
// stand for it, so that base64 ciphertext cannot hold one by chance.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MeetingView } from '../../shared/meeting/view.js';
import { assignRoles, calmAssessment, caseFixture, move, patch, put, SECRET, type CaseFixture } from './case-support.js';
import { Harness, type Client } from './support.js';

const h = new Harness();
let fx: CaseFixture;
let meetingId: string;
const c = {} as Record<'ann' | 'bob' | 'cy' | 'dee' | 'display' | 'facilitator', Client>;

/** Words of the case file that must not show on a tablet or the TV (the stage, flags, readiness, roles). */
const CASE_WORDS = ['violence-risk', 'self-harm', 'crisis-plan', 'safety-plan', 'walk-out-follower', 'objection-responder', 'readiness', 'assessment'];

beforeAll(async () => {
  await h.start();
  fx = await caseFixture(h.server.url);
  const { api, caseId, ids } = fx;
  await patch(api, `/api/cases/${caseId}/participants/${ids.cy}`, { attendance: 'in-room' });
  await put(api, `/api/cases/${caseId}/assessment`, calmAssessment({
    safety: { ...calmAssessment().safety, violenceHistory: true, notes: SECRET.assessmentNote },
    family: { dynamics: SECRET.dynamics },
  }));
  expect((await api.post(`/api/cases/${caseId}/screenings`, { instrument: 'phq-9', respondent: { participantId: ids.ann }, answers: [3, 3, 3, 3, 3, 3, 3, 3, 2] })).status).toBe(201);
  expect((await api.post(`/api/cases/${caseId}/objections`, { objection: SECRET.objection, responderId: ids.bob, response: SECRET.response })).status).toBe(201);
  await put(api, `/api/cases/${caseId}/approach`, { approach: 'johnson', reason: SECRET.approachReason });
  await put(api, `/api/cases/${caseId}/readiness/safety-plan`, { state: 'waived', reason: SECRET.waiver });
  await assignRoles(fx);
  const cancelled = await caseFixture(h.server.url, api);
  await move(cancelled, 'cancelled', { reason: 'other', note: SECRET.cancelNote });

  const created = await api.post(`/api/cases/${caseId}/meetings`, {});
  expect(created.status).toBe(201);
  meetingId = created.body.id;
  const token = (id: string) => created.body.links.participants.find((l: { participantId: string }) => l.participantId === id).token;
  c.facilitator = await h.open({ meetingId }, api.cookie);
  for (const who of ['ann', 'bob', 'cy', 'dee'] as const) c[who] = await h.open({ token: token(ids[who]) });
  c.display = await h.open({ token: created.body.links.display.token });
  // Through the letters to the offer, and a walk-out pause: the moments the plan meets the room.
  for (const type of ['meeting.start', 'turns.begin', 'turn.next', 'turn.next', 'turn.next', 'offer.present']) {
    expect(await c.facilitator.send({ type } as never)).toMatchObject({ ok: true });
  }
  expect(await c.facilitator.send({ type: 'pause.start', reason: 'left-room' } as never)).toMatchObject({ ok: true });
  for (const who of ['ann', 'bob', 'cy', 'dee', 'display'] as const) await c[who].waitFor((v: MeetingView) => v.paused === true);
});
afterAll(() => h.close());

test('issue 9, privacy on disk: no assessment text, screening answer, objection, response, reason or note in the SQLite files', () => {
  const onDisk = readdirSync(h.server.dataDir).filter((f) => f.startsWith('threshold.sqlite'))
    .map((f) => readFileSync(join(h.server.dataDir, f)).toString('latin1')).join('\n');
  expect(onDisk.length).toBeGreaterThan(0);
  for (const [what, text] of Object.entries(SECRET)) expect({ what, found: onDisk.includes(text.slice(0, 30)) }).toEqual({ what, found: false });
  // Screening answers, the instrument and the cancel reason are sealed with the rest of their row.
  for (const clear of ['"answers"', 'phq-9', 'person-sought-help-first', '"substances"']) expect({ clear, found: onDisk.includes(clear) }).toEqual({ clear, found: false });
  const db = new Database(join(h.server.dataDir, 'threshold.sqlite'), { readonly: true });
  try {
    const sealed = db.prepare('SELECT screening_json AS v FROM screenings UNION ALL SELECT document_json FROM assessments UNION ALL SELECT objection FROM objections UNION ALL SELECT response FROM objections UNION ALL SELECT reason FROM readiness_marks UNION ALL SELECT stage_json FROM cases WHERE stage_json IS NOT NULL UNION ALL SELECT event_json FROM case_stage_events UNION ALL SELECT approach_reason FROM cases WHERE approach_reason IS NOT NULL').all() as Array<{ v: string }>;
    expect(sealed.length).toBeGreaterThanOrEqual(8);
    for (const { v } of sealed) expect(v.startsWith('{') || v.includes(' ')).toBe(false);
  } finally {
    db.close();
  }
});

test('issue 9, privacy in views: no tablet and not the display receives the case file, an objection or a response', () => {
  for (const who of ['ann', 'cy', 'dee', 'display'] as const) {
    const seen = JSON.stringify(c[who].views);
    for (const [what, text] of Object.entries(SECRET)) expect({ who, what, found: seen.includes(text) }).toEqual({ who, what, found: false });
    for (const word of CASE_WORDS) expect({ who, word, found: seen.includes(word) }).toEqual({ who, word, found: false });
  }
  // Bob answers the objection: only once it is raised in the meeting may his tablet show his response,
  // and nothing raised it here; the rest of the case file never reaches him either.
  const bob = JSON.stringify(c.bob.views);
  for (const [what, text] of Object.entries(SECRET)) expect({ what, found: bob.includes(text) }).toEqual({ what, found: false });
  for (const word of CASE_WORDS) expect({ word, found: bob.includes(word) }).toEqual({ word, found: false });
});
