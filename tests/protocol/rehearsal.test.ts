// Issue 10, section 4, over HTTP and real sockets: a rehearsal made from the case's plan, marked
// on every screen's view and in every list, run end to end with the facilitator playing the loved
// one's answers through the ordinary offer commands, leaving the case's stage as it was, and ending
// with each reader's actual time against the estimate from their letter.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FacilitatorView, ParticipantView } from '../../shared/meeting/view.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { caseFixture, patch, type CaseFixture } from './case-support.js';
import { Harness, type Client } from './support.js';

const h = new Harness();
let fx: CaseFixture;
let meetingId: string;
let tokens: Record<string, string>;
let display: string;
const c = {} as Record<'facilitator' | 'ann' | 'bob' | 'cy' | 'display', Client>;
const f = async (payload: Record<string, unknown>) => expect(await c.facilitator.send(payload as never)).toMatchObject({ ok: true });
const fv = () => c.facilitator.view as FacilitatorView;

beforeAll(async () => {
  await h.start();
  fx = await caseFixture(h.server.url);
  // 260 words: an estimated two minutes at 130 words a minute. Her bottom line gives that round a
  // reader: only people with one are in it (issue 13, item 11).
  expect((await patch(fx.api, `/api/cases/${fx.caseId}/participants/${fx.ids.ann}`, { letter: 'We love you. '.repeat(260 / 3) + 'Please come.', bottomLine: 'I will not pay the rent' })).status).toBe(200);
  const created = await fx.api.post(`/api/cases/${fx.caseId}/meetings`, { rehearsal: true, speakingOrder: [fx.ids.ann, fx.ids.bob, fx.ids.cy] });
  expect(created.status).toBe(201);
  meetingId = created.body.id;
  tokens = Object.fromEntries(created.body.links.participants.map((l: { participantId: string; token: string }) => [l.participantId, l.token]));
  display = created.body.links.display.token;
});
afterAll(() => h.close());

describe('issue 10, section 4: a rehearsal', () => {
  test('case 1: it is marked in the meeting, in the case file\'s list, and in the audit; a real meeting is not', async () => {
    expect((await fx.api.get(`/api/meetings/${meetingId}`)).body.rehearsal).toBe(true);
    const real = await fx.api.post(`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann] });
    expect(real.status).toBe(201);
    expect((await fx.api.get(`/api/meetings/${real.body.id}`)).body.rehearsal).toBe(false);
    const listed = (await fx.api.get(`/api/cases/${fx.caseId}`)).body.meetings as Array<{ id: string; rehearsal: boolean }>;
    expect(Object.fromEntries(listed.map((m) => [m.id, m.rehearsal]))).toEqual({ [meetingId]: true, [real.body.id]: false });
    const store = h.server.threshold.services.store as SqliteStore;
    const createdOf = async (id: string) => (await store.audit.list(id)).filter((a) => a.action === 'meeting.created').map((a) => a.detail);
    expect(await createdOf(meetingId)).toEqual([{ rehearsal: true }]);
    expect(await createdOf(real.body.id)).toEqual([null]);
  });

  test('case 2: "rehearsal" must be a boolean', async () => {
    const res = await fx.api.post(`/api/cases/${fx.caseId}/meetings`, { rehearsal: 'yes' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID');
  });

  test('case 3: every screen\'s view says rehearsal: the console, a tablet, the remote lobby and the display', async () => {
    c.facilitator = await h.open({ meetingId }, fx.api.cookie);
    c.ann = await h.open({ token: tokens[fx.ids.ann] });
    c.bob = await h.open({ token: tokens[fx.ids.bob] });
    c.cy = await h.open({ token: tokens[fx.ids.cy] });
    c.display = await h.open({ token: display });
    expect((c.cy.view as ParticipantView).lobby).toBe('waiting');
    for (const client of Object.values(c)) expect(client.view.rehearsal).toBe(true);
    // The console's reading times are there from the start, with Ann's estimate from her letter.
    expect(fv().readingTimes?.find((r) => r.participantId === fx.ids.ann)).toMatchObject({ estimatedSeconds: 120, actualSeconds: null });
  });

  test('case 4: it runs end to end, the facilitator playing the loved one, and ends with reading times; the case\'s stage stays', async () => {
    const stageBefore = (await fx.api.get(`/api/cases/${fx.caseId}`)).body.stage;
    await f({ type: 'lobby.admit', participantId: fx.ids.cy });
    await f({ type: 'meeting.start' });
    await f({ type: 'turns.begin' });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await c.ann.send({ type: 'turn.done' } as never)).toMatchObject({ ok: true });
    await f({ type: 'turn.next' });
    await f({ type: 'turn.skip' });
    await f({ type: 'offer.present' });
    // Playing the loved one: a refusal, then the bottom lines and the offer again, then a yes.
    await f({ type: 'offer.respond', response: 'declined', note: 'played by the interventionist' });
    await f({ type: 'bottomLines.begin' });
    await f({ type: 'offer.present' });
    await f({ type: 'offer.respond', response: 'accepted' });
    await f({ type: 'meeting.end', outcome: 'accepted' });
    const view = (await c.facilitator.waitFor((v) => v.phase === 'outcome')) as FacilitatorView;
    expect(view.rehearsal).toBe(true);
    const ann = view.readingTimes!.find((r) => r.participantId === fx.ids.ann)!;
    expect(ann.estimatedSeconds).toBe(120);
    expect(ann.actualSeconds).toBeGreaterThanOrEqual(1);
    expect(view.readingTimes!.map((r) => r.participantId)).toEqual([fx.ids.ann, fx.ids.bob, fx.ids.cy]);
    expect((await fx.api.get(`/api/cases/${fx.caseId}`)).body.stage).toBe(stageBefore);
    expect((await fx.api.get(`/api/cases/${fx.caseId}/stage`)).body.history).toEqual([]);
  });

  test('case 5: a real meeting\'s console carries no reading times', async () => {
    const real = await fx.api.post(`/api/cases/${fx.caseId}/meetings`, { speakingOrder: [fx.ids.ann] });
    const console = await h.open({ meetingId: real.body.id }, fx.api.cookie);
    expect(console.view.rehearsal).toBe(false);
    expect((console.view as FacilitatorView).readingTimes).toBeNull();
  });
});
