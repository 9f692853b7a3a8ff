// Issue 9, section 6: objections the family planned for, raised in the offer
// and resolved, and the pause that sends walk-out followers after the loved one.
// The machine decides when; the projection decides who sees the prepared words.
import { describe, expect, test } from 'vitest';
import { canApply, persistMeeting, phaseOf, replay, restoreMeeting, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { allowedCommands } from '../../shared/meeting/allowed.js';
import type { MeetingInput } from '../../shared/meeting/context.js';
import { notAllowedMessage } from '../../shared/meeting/messages.js';
import { forbiddenReason } from '../../shared/meeting/permissions.js';
import { displayView, facilitatorView, participantView, publicAgenda, type PrivateTexts } from '../../shared/meeting/view.js';
import type { MeetingEvent } from '../../shared/protocol.js';
import { ANN, BOB, CY, MIN, T, ev, eventsTo, meetingIn, meetingInput, play, restart, step } from './support.js';

const JOB = 'o-job';
const ALONE = 'o-alone';
const INPUT: MeetingInput = meetingInput({
  objections: [
    { objectionId: JOB, responderId: BOB },
    { objectionId: ALONE, responderId: ANN },
  ],
  walkOutFollowers: [BOB],
});
const WORDS = {
  job: { objectionId: JOB, objection: "I can't leave my job", response: 'Your manager already agreed to the leave' },
  alone: { objectionId: ALONE, objection: 'I can stop on my own', response: 'You tried twice last year, and we saw how hard it was' },
};
const TEXTS: Record<string, PrivateTexts> = {
  [ANN]: { letter: 'Ann letter', bottomLine: null, objections: [WORDS.alone] },
  [BOB]: { letter: 'Bob letter', bottomLine: null, objections: [WORDS.job] },
  [CY]: { letter: 'Cy letter', bottomLine: null },
};
const NOW = T + 60 * MIN;
const raise = (objectionId: string, at = T + 11 * MIN) => ev({ type: 'objection.raise', objectionId }, at);
const resolve = (objectionId: string, at = T + 12 * MIN) => ev({ type: 'objection.resolve', objectionId }, at);

function views(s: MeetingSnapshot) {
  const state = { context: s.context, phase: phaseOf(s), revision: 5 };
  const agenda = publicAgenda(state, NOW);
  const of = (id: string) => participantView(state, agenda, { participantId: id, name: '' }, TEXTS[id]!, []);
  const room = { presence: new Map(), unseen: 'never-joined' as const, lobby: [], displaysConnected: 1 };
  return { ann: of(ANN), bob: of(BOB), cy: of(CY), facilitator: facilitatorView(state, agenda, room, []), display: displayView(agenda) };
}

describe('issue 9, section 6: objection.raise and objection.resolve in the machine', () => {
  test('the facilitator raises a planned objection in the offer; it waits with the time it was raised', () => {
    const s = step(meetingIn('offer', INPUT), raise(JOB));
    expect(s.context.raisedObjections).toEqual([{ objectionId: JOB, raisedAt: T + 11 * MIN }]);
    expect(phaseOf(s)).toBe('offer');
  });

  test('is refused outside the offer, with words that say when objections are raised', () => {
    for (const phase of ['gathering', 'opening', 'speaking', 'paused', 'bottom-lines', 'outcome'] as const) {
      const s = meetingIn(phase, INPUT);
      expect(canApply(s, raise(JOB, T + 30 * MIN)), phase).toBe(false);
      if (phase !== 'outcome') expect(notAllowedMessage('objection.raise', phaseOf(s), s.context)).toMatch(/while the offer is on the table/);
    }
  });

  test('is refused for an objection not in the plan, or one already raised', () => {
    const offer = meetingIn('offer', INPUT);
    expect(canApply(offer, raise('o-unplanned'))).toBe(false);
    const raised = step(offer, raise(JOB));
    expect(canApply(raised, raise(JOB, T + 12 * MIN))).toBe(false);
    expect(notAllowedMessage('objection.raise', 'offer', raised.context)).toMatch(/already raised/);
    // Another planned one may be raised beside it.
    expect(canApply(raised, raise(ALONE, T + 12 * MIN))).toBe(true);
  });

  test('a meeting created without a plan has no objection to raise, and the context it always had', () => {
    const s = meetingIn('offer');
    // No new keys: an older meeting's log replays to its stored snapshot (see agenda.ts, MEETING_MACHINE_VERSION).
    for (const key of ['objections', 'walkOutFollowers', 'raisedObjections']) expect(s.context).not.toHaveProperty(key);
    expect(step(s, ev({ type: 'meeting.end', outcome: 'accepted' }, T + 20 * MIN)).context).not.toHaveProperty('raisedObjections');
    expect(allowedCommands(s, { role: 'facilitator' }, 'fac-1')).not.toContain('objection.raise');
  });

  test('resolve clears it, even while paused; it may then be raised again', () => {
    let s = step(meetingIn('offer', INPUT), raise(JOB));
    s = step(s, ev({ type: 'pause.start', reason: 'conflict' }, T + 12 * MIN));
    s = step(s, resolve(JOB, T + 13 * MIN));
    expect(s.context.raisedObjections).toEqual([]);
    s = step(s, ev({ type: 'pause.end' }, T + 14 * MIN));
    expect(canApply(s, resolve(JOB, T + 15 * MIN))).toBe(false);
    expect(notAllowedMessage('objection.resolve', 'offer', s.context)).toBe('That objection is not raised right now');
    expect(canApply(s, raise(JOB, T + 15 * MIN))).toBe(true);
  });

  test('a raised objection survives a pause and a restart, and is cleared by bottom lines and by the outcome', () => {
    let s = step(meetingIn('offer', INPUT), raise(JOB));
    s = restart(step(s, ev({ type: 'pause.start', reason: 'outburst' }, T + 12 * MIN)));
    s = step(s, ev({ type: 'pause.end' }, T + 13 * MIN));
    expect(s.context.raisedObjections).toEqual([{ objectionId: JOB, raisedAt: T + 11 * MIN }]);
    const declined = step(s, ev({ type: 'offer.respond', response: 'declined' }, T + 14 * MIN));
    expect(step(declined, ev({ type: 'bottomLines.begin' }, T + 15 * MIN)).context.raisedObjections).toEqual([]);
    expect(step(s, ev({ type: 'meeting.end', outcome: 'accepted' }, T + 15 * MIN)).context.raisedObjections).toEqual([]);
    expect(step(s, ev({ type: 'emergency.stop' }, T + 15 * MIN)).context.raisedObjections).toEqual([]);
  });

  test('both join the log: replaying it reproduces the meeting', () => {
    const events: MeetingEvent[] = [...eventsTo('offer'), raise(JOB), raise(ALONE, T + 12 * MIN), resolve(JOB, T + 13 * MIN)];
    const lived = play(events, INPUT);
    expect(persistMeeting(replay(INPUT, events))).toEqual(persistMeeting(lived));
    expect(lived.context.raisedObjections).toEqual([{ objectionId: ALONE, raisedAt: T + 12 * MIN }]);
  });

  test('only the facilitator may send them', () => {
    const s = meetingIn('offer', INPUT);
    for (const type of ['objection.raise', 'objection.resolve'] as const) {
      expect(forbiddenReason(type, { role: 'participant', participantId: BOB }, s.context)).toBe('Only the facilitator can do this');
      expect(forbiddenReason(type, { role: 'display' }, s.context)).not.toBeNull();
      expect(forbiddenReason(type, { role: 'facilitator' }, s.context)).toBeNull();
    }
    expect(allowedCommands(s, { role: 'facilitator' }, 'fac-1')).toContain('objection.raise');
    expect(allowedCommands(s, { role: 'facilitator' }, 'fac-1')).not.toContain('objection.resolve');
    expect(allowedCommands(step(s, raise(JOB)), { role: 'facilitator' }, 'fac-1')).toContain('objection.resolve');
  });

  test('a snapshot stored before objections existed restores as the same meeting, with none planned', () => {
    const stored = persistMeeting(meetingIn('offer'));
    const context = (stored.state as { context: Record<string, unknown> }).context;
    for (const key of ['objections', 'walkOutFollowers', 'raisedObjections']) delete context[key];
    const s = restoreMeeting(JSON.parse(JSON.stringify(stored)));
    expect(phaseOf(s)).toBe('offer');
    expect(canApply(s, raise(JOB))).toBe(false);
    expect(allowedCommands(s, { role: 'facilitator' }, 'fac-1')).not.toContain('objection.resolve');
    const v = views(step(s, ev({ type: 'pause.start', reason: 'left-room' }, T + 12 * MIN)));
    expect(v.facilitator.objections).toEqual([]);
    expect(v.bob.walkOutFollow).toBe(false);
  });
});

describe('issue 9, section 6: who sees a raised objection', () => {
  test("the responder's view holds their answer while the offer is on the table; nobody else's holds it", () => {
    const v = views(step(meetingIn('offer', INPUT), raise(JOB)));
    expect(v.bob.answering).toEqual([WORDS.job]);
    expect(v.ann.answering).toEqual([]);
    expect(v.cy.answering).toEqual([]);
    for (const view of [v.ann, v.cy, v.display]) {
      const text = JSON.stringify(view);
      expect(text).not.toContain(WORDS.job.response);
      expect(text).not.toContain(WORDS.job.objection);
    }
  });

  test('the console lists the plan with who answers and what is raised, and carries no words', () => {
    const v = views(step(meetingIn('offer', INPUT), raise(JOB)));
    expect(v.facilitator.objections).toEqual([
      { objectionId: JOB, responderId: BOB, responderName: 'Bob', raisedAt: T + 11 * MIN },
      { objectionId: ALONE, responderId: ANN, responderName: 'Ann', raisedAt: null },
    ]);
    const text = JSON.stringify(v.facilitator);
    for (const words of [WORDS.job, WORDS.alone]) {
      expect(text).not.toContain(words.response);
      expect(text).not.toContain(words.objection);
    }
  });

  test('a responder sees only raised objections, and none during a pause or after the offer', () => {
    let s = step(meetingIn('offer', INPUT), raise(JOB));
    expect(views(s).ann.answering).toEqual([]);
    s = step(s, raise(ALONE, T + 12 * MIN));
    expect(views(s).ann.answering).toEqual([WORDS.alone]);
    const paused = step(s, ev({ type: 'pause.start', reason: 'outburst' }, T + 13 * MIN));
    expect(views(paused).bob.answering).toEqual([]);
    const ended = step(s, ev({ type: 'meeting.end', outcome: 'accepted' }, T + 13 * MIN));
    expect(views(ended).bob.answering).toEqual([]);
    expect(views(step(s, resolve(JOB, T + 13 * MIN))).bob.answering).toEqual([]);
  });

  test("a responder whose texts lack the objection's words is shown nothing rather than someone else's", () => {
    const s = step(meetingIn('offer', INPUT), raise(JOB));
    const state = { context: s.context, phase: phaseOf(s), revision: 5 };
    const bob = participantView(state, publicAgenda(state, NOW), { participantId: BOB, name: '' }, { letter: null, bottomLine: null }, []);
    expect(bob.answering).toEqual([]);
  });
});

describe('issue 9, section 6: a pause because the loved one left the room', () => {
  const leftRoom = (reason: 'left-room' | 'outburst') => step(meetingIn('speaking', INPUT), ev({ type: 'pause.start', reason }, T + 5 * MIN));

  test('tells each walk-out follower, and nobody else', () => {
    const v = views(leftRoom('left-room'));
    expect(v.bob.walkOutFollow).toBe(true);
    expect(v.ann.walkOutFollow).toBe(false);
    expect(v.cy.walkOutFollow).toBe(false);
    for (const view of [v.ann, v.bob, v.cy, v.display]) expect(JSON.stringify(view)).not.toContain('left-room');
    expect(v.facilitator.walkOutFollowers).toEqual([{ participantId: BOB, name: 'Bob' }]);
    expect(v.facilitator.pause?.reason).toBe('left-room');
  });

  test('any other pause, and the meeting resumed, tell nobody to follow', () => {
    expect(views(leftRoom('outburst')).bob.walkOutFollow).toBe(false);
    const resumed = step(leftRoom('left-room'), ev({ type: 'pause.end' }, T + 9 * MIN));
    expect(views(resumed).bob.walkOutFollow).toBe(false);
  });

  test('a follower sent back to the lobby sees the lobby, not the message', () => {
    const input = { ...INPUT, walkOutFollowers: [CY] };
    let s = play([ev({ type: 'lobby.admit', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, T)], input);
    s = step(s, ev({ type: 'pause.start', reason: 'left-room' }, T + MIN));
    expect(views(s).cy.walkOutFollow).toBe(true);
    s = step(s, ev({ type: 'lobby.return', participantId: CY }, T + 2 * MIN));
    expect(views(s).cy).toMatchObject({ lobby: 'waiting', walkOutFollow: false });
  });
});
