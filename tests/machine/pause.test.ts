// The de-escalation pause: the interventionist can pause from any live phase
// when emotions boil over, and resuming puts everyone back exactly where they
// were, with the speaker's remaining time intact. It must survive a server
// restart in the middle.
import { describe, expect, test } from 'vitest';
import { canApply, phaseOf, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { LIVE_PHASES, type MeetingContext } from '../../shared/meeting/context.js';
import { PAUSE_REASONS } from '../../shared/protocol.js';
import { ANN, BOB, MIN, T, ev, eventsTo, expectSameState, meetingIn, participant, play, restart, step } from './support.js';

const PAUSED_AT = T + 40 * MIN;
const LENGTH = 7 * MIN + 1234;
const RESUMED_AT = PAUSED_AT + LENGTH;

/** Everything in the context a pause must leave alone. */
function untouched(context: MeetingContext) {
  const { turnEndsAt: _deadline, pause: _pause, pauses: _pauses, ...rest } = context;
  return rest;
}

function pauseAndResume(before: MeetingSnapshot, { viaRestart = false } = {}) {
  let paused = step(before, ev({ type: 'pause.start', reason: 'left-room' }, PAUSED_AT));
  if (viaRestart) paused = restart(paused);
  return { paused, resumed: step(paused, ev({ type: 'pause.end' }, RESUMED_AT)) };
}

/** Each live phase, with something worth keeping: a speaker mid-turn, or a reordered, part-ready room. */
function liveMeeting(phase: (typeof LIVE_PHASES)[number]): MeetingSnapshot {
  const extra = {
    gathering: [ev({ type: 'participant.ready' }, T, participant(BOB))],
    opening: [],
    speaking: [ev({ type: 'turn.next' }, T + 5 * MIN)],
    offer: [ev({ type: 'offer.respond', response: 'conditional', note: 'Maybe next week' }, T + 11 * MIN)],
    'bottom-lines': [ev({ type: 'turn.skip' }, T + 13 * MIN)],
  }[phase];
  return play([...eventsTo(phase), ...extra]);
}

describe.each(LIVE_PHASES.map((p) => [p]))('pausing from %s', (phase) => {
  for (const viaRestart of [false, true]) {
    const when = viaRestart ? ', with a server restart during the pause' : '';
    test(`resumes to the same phase, speaker and statuses, with the deadline moved by the pause's length${when}`, () => {
      const before = liveMeeting(phase);
      const { paused, resumed } = pauseAndResume(before, { viaRestart });

      expect(phaseOf(paused)).toBe('paused');
      expect(paused.context.pause).toEqual({ reason: 'left-room', startedAt: PAUSED_AT, phase });

      expect(phaseOf(resumed)).toBe(phase);
      expect(resumed.value).toEqual(before.value);
      expect(untouched(resumed.context)).toEqual(untouched(before.context));
      const deadline = before.context.turnEndsAt;
      expect(resumed.context.turnEndsAt).toBe(deadline === null ? null : deadline + LENGTH);
      expect(resumed.context.pause).toBeNull();
      expect(resumed.context.pauses).toEqual([
        { reason: 'left-room', phase, startedAt: PAUSED_AT, endedAt: RESUMED_AT, durationMs: LENGTH },
      ]);
    });
  }

  test('a restart during the pause gives exactly the state of a server that kept running', () => {
    const before = liveMeeting(phase);
    expectSameState(pauseAndResume(before, { viaRestart: true }).resumed, pauseAndResume(before).resumed);
  });

  test('after resuming, the phase accepts the same commands as before the pause', () => {
    const before = liveMeeting(phase);
    const { resumed } = pauseAndResume(before);
    const probes = [
      ev({ type: 'meeting.start' }, RESUMED_AT),
      ev({ type: 'turns.begin' }, RESUMED_AT),
      ev({ type: 'turn.next' }, RESUMED_AT),
      ev({ type: 'offer.present' }, RESUMED_AT),
      ev({ type: 'offer.respond', response: 'declined' }, RESUMED_AT),
      ev({ type: 'participant.ready' }, RESUMED_AT, participant(ANN)),
    ];
    for (const probe of probes) expect(canApply(resumed, probe), probe.type).toBe(canApply(before, probe));
  });
});

describe('pause rules', () => {
  test.each(PAUSE_REASONS.map((r) => [r]))('the reason %s is kept with the pause', (reason) => {
    const s = step(meetingIn('speaking'), ev({ type: 'pause.start', reason }, PAUSED_AT));
    expect(s.context.pause?.reason).toBe(reason);
  });

  test('a paused meeting cannot be paused again, and pause.end is refused when not paused', () => {
    expect(canApply(meetingIn('paused'), ev({ type: 'pause.start', reason: 'other' }, PAUSED_AT))).toBe(false);
    for (const phase of LIVE_PHASES) {
      expect(canApply(meetingIn(phase), ev({ type: 'pause.end' }, PAUSED_AT)), phase).toBe(false);
    }
  });

  test('turns cannot move while paused: nobody can finish, skip, call, extend or move on', () => {
    const s = meetingIn('paused');
    for (const event of [
      ev({ type: 'turn.done' }, PAUSED_AT, participant(ANN)),
      ev({ type: 'turn.next' }, PAUSED_AT),
      ev({ type: 'turn.skip' }, PAUSED_AT),
      ev({ type: 'turn.call', participantId: BOB }, PAUSED_AT),
      ev({ type: 'turn.extend', seconds: 60 }, PAUSED_AT),
      ev({ type: 'offer.present' }, PAUSED_AT),
    ]) {
      expect(canApply(s, event), event.type).toBe(false);
    }
  });

  test('several pauses are all kept in order, and the deadline moves by their total length', () => {
    let s = meetingIn('speaking');
    const deadline = s.context.turnEndsAt!;
    s = step(s, ev({ type: 'pause.start', reason: 'outburst' }, T + 3 * MIN));
    s = step(s, ev({ type: 'pause.end' }, T + 5 * MIN));
    s = step(s, ev({ type: 'pause.start', reason: 'needs-a-moment' }, T + 6 * MIN));
    s = step(s, ev({ type: 'pause.end' }, T + 6 * MIN + 30_000));
    expect(s.context.turnEndsAt).toBe(deadline + 2 * MIN + 30_000);
    expect(s.context.pauses.map((p) => [p.reason, p.durationMs])).toEqual([
      ['outburst', 2 * MIN],
      ['needs-a-moment', 30_000],
    ]);
  });

  test('an extension granted before the pause is kept after it', () => {
    let s = step(meetingIn('speaking'), ev({ type: 'turn.extend', seconds: 120 }, T + 3 * MIN));
    const deadline = s.context.turnEndsAt!;
    s = step(s, ev({ type: 'pause.start', reason: 'conflict' }, T + 4 * MIN));
    s = step(s, ev({ type: 'pause.end' }, T + 9 * MIN));
    expect(s.context.turnEndsAt).toBe(deadline + 5 * MIN);
  });

  test('lobby decisions and signals still work while paused', () => {
    let s = meetingIn('paused');
    s = step(s, ev({ type: 'lobby.admit', participantId: 'p-cy', joiner: { name: 'Cy', attendance: 'remote' } }, PAUSED_AT));
    s = step(s, ev({ type: 'signal.send', kind: 'need-a-moment' }, PAUSED_AT, participant(BOB)));
    expect(phaseOf(s)).toBe('paused');
    expect(s.context.signals).toHaveLength(1);
  });

  test('emergency.stop during a pause closes the pause into the history and records safety-stop', () => {
    // meetingIn('paused'): paused for an outburst at T + 3 min while Ann spoke.
    const s = step(meetingIn('paused'), ev({ type: 'emergency.stop' }, T + 8 * MIN));
    expect(phaseOf(s)).toBe('outcome');
    expect(s.context.outcome?.kind).toBe('safety-stop');
    expect(s.context.pause).toBeNull();
    expect(s.context.pauses).toEqual([
      { reason: 'outburst', phase: 'speaking', startedAt: T + 3 * MIN, endedAt: T + 8 * MIN, durationMs: 5 * MIN },
    ]);
    expect(s.context.currentSpeakerId).toBeNull();
    expect(s.context.turnEndsAt).toBeNull();
  });

  test('meeting.end during a pause also closes the pause into the history', () => {
    const s = step(meetingIn('paused'), ev({ type: 'meeting.end', outcome: 'walked-out', note: 'Left the house' }, T + 10 * MIN));
    expect(phaseOf(s)).toBe('outcome');
    expect(s.context.outcome?.kind).toBe('walked-out');
    expect(s.context.pause).toBeNull();
    expect(s.context.pauses.map((p) => p.durationMs)).toEqual([7 * MIN]);
  });

  test('a restart while paused keeps the pause refusals: nothing moves until pause.end', () => {
    const s = restart(meetingIn('paused'));
    expect(phaseOf(s)).toBe('paused');
    expect(canApply(s, ev({ type: 'turn.next' }, PAUSED_AT))).toBe(false);
    expect(canApply(s, ev({ type: 'pause.end' }, PAUSED_AT))).toBe(true);
  });
});
