// Issue 9, section 6, over real sockets: an objection raised in the offer
// reaches its responder's tablet alone, with their prepared response; the
// console sees who answers; a pause because the loved one left the room tells
// the walk-out follower to go with them, and everyone else sees a plain pause.
// Every role's JSON is checked for the words.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StoredSnapshot } from '../../server/meetings/snapshots.js';
import { persistMeeting, replay } from '../../shared/meeting/agenda.js';
import type { FacilitatorView, MeetingView, ParticipantView } from '../../shared/meeting/view.js';
import { withMeetingPlans, type MeetingPlan } from '../helpers/meeting-plan.js';
import { codeOf, command, Harness, type Client, type Fixture } from './support.js';

const WORDS = {
  job: { objectionId: 'o-job', objection: 'OBJECTION-JOB: I cannot leave my job', response: 'RESPONSE-JOB: your manager agreed to six weeks of leave' },
  alone: { objectionId: 'o-alone', objection: 'OBJECTION-ALONE: I can stop on my own', response: 'RESPONSE-ALONE: you tried twice last spring' },
};
const EVERY_WORD = [WORDS.job.objection, WORDS.job.response, WORDS.alone.objection, WORDS.alone.response];

const h = new Harness();
let fx: Fixture;
const c = {} as Record<'facilitator' | 'ann' | 'bob' | 'cy' | 'display' | 'may', Client>;
const f = async (payload: Record<string, unknown>) => expect(await c.facilitator.send(payload as never)).toMatchObject({ ok: true });
const p = (client: Client) => client.view as ParticipantView;
const all = (): Client[] => Object.values(c);

beforeAll(async () => {
  await h.start();
  const plans = withMeetingPlans(h.server);
  fx = await h.fixture({ approach: 'johnson' });
  // Bob answers the job, Cy (remote) answers "on my own"; Ann follows the loved one out.
  const plan: MeetingPlan = {
    objections: [
      { ...WORDS.job, responderId: fx.ids.bob },
      { ...WORDS.alone, responderId: fx.ids.cy },
    ],
    walkOutFollowers: [fx.ids.ann],
  };
  plans.set(fx.caseId, plan);
  c.facilitator = await h.open({ meetingId: fx.meetingId }, fx.api.cookie);
  c.ann = await h.open({ token: fx.tokenOf(fx.ids.ann) });
  c.bob = await h.open({ token: fx.tokenOf(fx.ids.bob) });
  c.cy = await h.open({ token: fx.tokenOf(fx.ids.cy) });
  c.display = await h.open({ token: fx.links.display.token });
  c.may = await h.open({ token: fx.links.remote.token, name: 'Aunt May' });
  await c.facilitator.waitFor((v) => (v as FacilitatorView).lobby.length === 2);
  await f({ type: 'lobby.admit', participantId: fx.ids.cy });
  await f({ type: 'lobby.admit', participantId: p(c.may).you.participantId });
  await f({ type: 'meeting.start' });
  await f({ type: 'turns.begin' });
});
afterAll(() => h.close());

describe('issue 9, section 6: objections in the live meeting', () => {
  test('the console lists the plan with who answers; nothing is raised before the offer', async () => {
    const view = c.facilitator.view as FacilitatorView;
    expect(view.objections).toEqual([
      { objectionId: 'o-job', responderId: fx.ids.bob, responderName: 'Bob', raisedAt: null },
      { objectionId: 'o-alone', responderId: fx.ids.cy, responderName: 'Cy', raisedAt: null },
    ]);
    expect(view.walkOutFollowers).toEqual([{ participantId: fx.ids.ann, name: 'Ann' }]);
    expect(view.allowed).not.toContain('objection.raise');
    const ack = await command(c.facilitator, 'objection.raise', { objectionId: 'o-job' }, view.revision);
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'Objections are raised while the offer is on the table' } });
  });

  test('raised in the offer: the responder’s tablet shows their answer, the console shows who answers', async () => {
    await f({ type: 'offer.present' });
    expect((c.facilitator.view as FacilitatorView).allowed).toContain('objection.raise');
    await f({ type: 'objection.raise', objectionId: 'o-job' });
    const bob = (await c.bob.waitFor((v) => (v as ParticipantView).answering.length > 0)) as ParticipantView;
    expect(bob.answering).toEqual([WORDS.job]);
    const console = (await c.facilitator.waitFor((v) => (v as FacilitatorView).objections[0]!.raisedAt !== null)) as FacilitatorView;
    expect(console.objections[0]).toMatchObject({ objectionId: 'o-job', responderName: 'Bob' });
    expect(console.allowed).toContain('objection.resolve');
    await c.ann.waitFor((v) => v.revision === console.revision);
    await c.cy.waitFor((v) => v.revision === console.revision);
    expect(p(c.ann).answering).toEqual([]);
    expect(p(c.cy).answering).toEqual([]);
  });

  test('raising it twice, or an objection not in the plan, is refused with words', async () => {
    const rev = c.facilitator.view.revision;
    for (const objectionId of ['o-job', 'o-unplanned']) {
      const ack = await command(c.facilitator, 'objection.raise', { objectionId }, rev);
      expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: "That objection is not in this meeting's plan, or it is already raised" } });
    }
    expect(codeOf(await command(c.facilitator, 'objection.resolve', { objectionId: 'o-alone' }, rev))).toBe('NOT_ALLOWED');
    expect(codeOf(await command(c.facilitator, 'objection.raise', { objectionId: 'o-alone' }, rev - 1))).toBe('STALE');
    expect(codeOf(await command(c.facilitator, 'objection.raise', { objectionId: '' }, rev))).toBe('INVALID');
  });

  test('the authorization matrix: only the facilitator raises or resolves; everyone else is FORBIDDEN', async () => {
    const rev = c.facilitator.view.revision;
    for (const who of ['ann', 'bob', 'cy', 'may', 'display'] as const) {
      for (const type of ['objection.raise', 'objection.resolve']) {
        expect(codeOf(await command(c[who], type, { objectionId: 'o-job' }, rev)), `${who} ${type}`).toBe('FORBIDDEN');
      }
    }
    expect(c.facilitator.view.revision).toBe(rev);
  });

  test('a remote responder sees their own answer beside the first one; resolving clears only its own', async () => {
    await f({ type: 'objection.raise', objectionId: 'o-alone' });
    await c.cy.waitFor((v) => (v as ParticipantView).answering.length === 1);
    expect(p(c.cy).answering).toEqual([WORDS.alone]);
    await f({ type: 'objection.resolve', objectionId: 'o-job' });
    await c.bob.waitFor((v) => (v as ParticipantView).answering.length === 0);
    expect(p(c.cy).answering).toEqual([WORDS.alone]);
    const console = c.facilitator.view as FacilitatorView;
    expect(console.objections.map((o) => [o.objectionId, o.raisedAt !== null])).toEqual([['o-job', false], ['o-alone', true]]);
  });

  test('a pause because the loved one left: the walk-out follower is told to go with them, the rest see a plain pause', async () => {
    await f({ type: 'pause.start', reason: 'left-room' });
    const ann = (await c.ann.waitFor((v) => v.phase === 'paused')) as ParticipantView;
    expect(ann.walkOutFollow).toBe(true);
    for (const who of ['bob', 'cy', 'may'] as const) {
      const view = (await c[who].waitFor((v) => v.phase === 'paused')) as ParticipantView;
      expect(view.walkOutFollow, who).toBe(false);
      // An answer waits during the pause: nobody reads it from a paused screen.
      expect(view.answering, who).toEqual([]);
    }
    await c.display.waitFor((v) => v.phase === 'paused');
    expect((c.facilitator.view as FacilitatorView).pause?.reason).toBe('left-room');
    await f({ type: 'pause.end' });
    await c.ann.waitFor((v) => v.phase === 'offer');
    expect(p(c.ann).walkOutFollow).toBe(false);
    await c.cy.waitFor((v) => v.phase === 'offer');
    expect(p(c.cy).answering).toEqual([WORDS.alone]);
  });

  test('any other pause tells nobody to follow', async () => {
    await f({ type: 'pause.start', reason: 'outburst' });
    await c.ann.waitFor((v) => v.phase === 'paused');
    expect(p(c.ann).walkOutFollow).toBe(false);
    await f({ type: 'pause.end' });
    await c.ann.waitFor((v) => v.phase === 'offer');
  });

  test('both commands join the log, and replaying it reproduces the stored meeting', async () => {
    const store = h.server.threshold.services.store;
    const record = (await store.meetings.get(fx.meetingId))!;
    const events = await store.meetings.listEvents(fx.meetingId);
    expect(events.map((e) => e.event.type).filter((t) => t.startsWith('objection.'))).toEqual(['objection.raise', 'objection.raise', 'objection.resolve']);
    // Issue 14 changed this: the snapshot is stored every few events, so the log up to its revision
    // replays to it, and the whole log to the live meeting.
    const { revision: at, ...snapshot } = record.snapshot as StoredSnapshot;
    expect(persistMeeting(replay(record.input, events.slice(0, at).map((e) => e.event)))).toEqual(snapshot);
    const live = (await h.server.threshold.services.registry.get(fx.meetingId))!;
    expect(replay(record.input, events.map((e) => e.event)).context).toEqual(live.context);
    // The log and the snapshot hold ids, never the words.
    const stored = JSON.stringify({ events, snapshot: record.snapshot, input: record.input });
    for (const words of EVERY_WORD) expect(stored).not.toContain(words);
  });

  test('privacy: each word reaches only its responder, and no role ever receives the walk-out reason', () => {
    const seen = (client: Client) => client.views.map((v: MeetingView) => JSON.stringify(v)).join('\n');
    expect(seen(c.bob)).toContain(WORDS.job.response);
    expect(seen(c.cy)).toContain(WORDS.alone.response);
    const mayNot: Record<keyof typeof c, string[]> = {
      facilitator: EVERY_WORD,
      ann: EVERY_WORD,
      bob: [WORDS.alone.objection, WORDS.alone.response],
      cy: [WORDS.job.objection, WORDS.job.response],
      display: EVERY_WORD,
      may: EVERY_WORD,
    };
    for (const [who, forbidden] of Object.entries(mayNot)) {
      const text = seen(c[who as keyof typeof c]);
      for (const words of forbidden) expect(text, `${who} received ${words}`).not.toContain(words);
      if (who !== 'facilitator') expect(text, who).not.toContain('left-room');
    }
    for (const view of c.display.views) {
      expect(view).not.toHaveProperty('answering');
      expect(view).not.toHaveProperty('objections');
      expect(view).not.toHaveProperty('walkOutFollow');
    }
    expect(all().every((client) => client.views.length > 5)).toBe(true);
  });
});
