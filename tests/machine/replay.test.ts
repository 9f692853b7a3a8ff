// Determinism: the server keeps every accepted event and a snapshot; after a
// restart, or when someone audits a meeting, replaying the log from the start
// must give back exactly the meeting everyone saw, whenever it is replayed.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  applyEvent,
  canApply,
  createMeeting,
  persistMeeting,
  phaseOf,
  replay,
  type MeetingSnapshot,
} from '../../shared/meeting/agenda.js';
import { allowedCommands } from '../../shared/meeting/allowed.js';
import type { MeetingInput, Phase } from '../../shared/meeting/context.js';
import { forbiddenReason, type Sender } from '../../shared/meeting/permissions.js';
import {
  COMMAND_TYPES,
  OFFER_RESPONSES,
  OUTCOMES,
  PAUSE_REASONS,
  SIGNAL_KINDS,
  type CommandType,
  type MeetingEvent,
  type Role,
} from '../../shared/protocol.js';
import { ANN, BOB, CY, MIN, T, ev, expectSameState, meetingInput, participant, restart } from './support.js';

/** The meeting in the "done when": a pause, a decline, bottom lines, then acceptance. */
function wholeMeeting(): MeetingEvent[] {
  let at = T;
  const next = () => (at += 37_000);
  const may = { name: 'Aunt May', attendance: 'guest' as const };
  return [
    ev({ type: 'lobby.admit', participantId: 'g-may', joiner: may }, next()),
    ev({ type: 'participant.ready' }, next(), participant(ANN)),
    ev({ type: 'participant.ready' }, next(), participant('g-may')),
    ev({ type: 'signal.send', kind: 'want-to-speak' }, next(), participant('g-may')),
    ev({ type: 'order.set', participantIds: [ANN, BOB, 'g-may', CY] }, next()),
    ev({ type: 'meeting.start' }, next()),
    ev({ type: 'turns.begin' }, next()),
    ev({ type: 'turn.done' }, next(), participant(ANN)),
    ev({ type: 'pause.start', reason: 'outburst' }, next()),
    ev({ type: 'pause.end' }, next()),
    ev({ type: 'turn.extend', seconds: 120 }, next()),
    ev({ type: 'turn.next' }, next()),
    ev({ type: 'turn.skip' }, next()),
    ev({ type: 'turn.call', participantId: BOB }, next()),
    ev({ type: 'signals.clear' }, next()),
    ev({ type: 'offer.present' }, next()),
    ev({ type: 'offer.respond', response: 'declined', note: 'Not ready' }, next()),
    ev({ type: 'bottomLines.begin' }, next()),
    ev({ type: 'turn.done' }, next(), participant(ANN)),
    ev({ type: 'turn.next' }, next()),
    ev({ type: 'offer.present' }, next()),
    ev({ type: 'offer.respond', response: 'accepted' }, next()),
    ev({ type: 'meeting.end', outcome: 'accepted', note: 'Admission today' }, next()),
    ev({ type: 'meeting.close' }, next()),
  ];
}

function applyAll(input: MeetingInput, events: MeetingEvent[]): MeetingSnapshot[] {
  const states = [createMeeting(input)];
  for (const event of events) {
    const s = states.at(-1)!;
    expect(canApply(s, event), event.type).toBe(true);
    states.push(applyEvent(s, event));
  }
  return states;
}

describe('replaying a meeting', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('the whole meeting, replayed from its log, is the meeting as it was played', () => {
    const events = wholeMeeting();
    const states = applyAll(meetingInput(), events);
    expect(phaseOf(states.at(-1)!)).toBe('closed');
    expectSameState(replay(meetingInput(), events), states.at(-1)!);
  });

  test('every prefix of the log replays to the state the room saw at that point', () => {
    const events = wholeMeeting();
    const states = applyAll(meetingInput(), events);
    states.forEach((state, n) => expectSameState(replay(meetingInput(), events.slice(0, n)), state));
  });

  test('a log read back from storage (JSON) replays to the same state', () => {
    const events = wholeMeeting();
    const stored = JSON.parse(JSON.stringify(events)) as MeetingEvent[];
    expectSameState(replay(meetingInput(), stored), replay(meetingInput(), events));
  });

  test('replaying on another day gives the same state: the machine never reads the clock', () => {
    const events = wholeMeeting().slice(0, 12);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2024-01-01T09:00:00Z'));
    const first = persistMeeting(replay(meetingInput(), events));
    vi.setSystemTime(new Date('2031-06-15T22:30:00Z'));
    const second = persistMeeting(replay(meetingInput(), events));
    expect(second).toEqual(first);
    // And the times in the state are the stamped ones.
    expect((first.state.context as { startedAt: number }).startedAt).toBe(T + 6 * 37_000);
  });

  test('restoring a snapshot at any point of the meeting and carrying on gives the same end state', () => {
    const events = wholeMeeting();
    const end = applyAll(meetingInput(), events).at(-1)!;
    for (let cut = 0; cut <= events.length; cut++) {
      const restored = restart(replay(meetingInput(), events.slice(0, cut)));
      expectSameState(events.slice(cut).reduce(applyEvent, restored), end);
    }
  });
});

// ---- Property: random meetings from random senders ----

const ACTORS: Array<{ sender: Sender; actorId: string }> = [
  { sender: { role: 'facilitator' }, actorId: 'fac-1' },
  { sender: { role: 'participant', participantId: ANN }, actorId: ANN },
  { sender: { role: 'participant', participantId: BOB }, actorId: BOB },
  { sender: { role: 'participant', participantId: CY }, actorId: CY },
  { sender: { role: 'participant', participantId: 'g-1' }, actorId: 'g-1' },
  { sender: { role: 'display' }, actorId: 'display' },
];
const IDS = [ANN, BOB, CY, 'g-1', 'g-2', 'p-zed'];

/** What the server attaches to a lobby decision: who is waiting (nobody, for people in the room). */
function joinerFor(id: string): MeetingEvent['joiner'] {
  if (id === ANN || id === BOB) return undefined;
  return id === CY ? { name: 'Cy', attendance: 'remote' } : { name: `Guest ${id}`, attendance: 'guest' };
}

type Payload = { type: CommandType } & Record<string, unknown>;
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Parameters for whichever command is tried: each command takes the fields it needs. */
const fieldsArb = fc.record({
  participantId: fc.constantFrom(...IDS),
  participantIds: fc.array(fc.constantFrom(...IDS), { maxLength: 6 }),
  seconds: fc.integer({ min: 1, max: 600 }),
  reason: fc.constantFrom(...PAUSE_REASONS),
  response: fc.constantFrom(...OFFER_RESPONSES),
  note: optional(fc.string({ maxLength: 8 })),
  outcome: fc.constantFrom(...OUTCOMES),
  decideBy: optional(fc.constant('2030-01-31')),
  kind: fc.constantFrom(...SIGNAL_KINDS),
  signal: optional(fc.integer({ min: 0, max: 60 })),
  objectionId: fc.constantFrom('o-job', 'o-alone', 'o-unplanned'),
});
type Fields = typeof fieldsArb extends fc.Arbitrary<infer F> ? F : never;

function commandOf(type: CommandType, f: Fields): Payload {
  switch (type) {
    case 'turn.call':
    case 'lobby.admit':
    case 'lobby.deny':
      return { type, participantId: f.participantId };
    case 'order.set':
      return { type, participantIds: f.participantIds };
    case 'turn.extend':
      return { type, seconds: f.seconds };
    case 'pause.start':
      return { type, reason: f.reason };
    case 'offer.respond':
      return { type, response: f.response, note: f.note };
    case 'meeting.end':
      return { type, outcome: f.outcome, note: f.note, decideBy: f.decideBy };
    case 'signal.send':
    case 'signal.withdraw':
      return { type, kind: f.kind };
    case 'signals.clear':
      return { type, signalId: f.signal === undefined ? undefined : `cmd-${f.signal}` };
    case 'objection.raise':
    case 'objection.resolve':
      return { type, objectionId: f.objectionId };
    default:
      return { type };
  }
}

/** Ending the meeting is possible from anywhere, so it comes only now and then: runs must reach the later phases. */
const ENDINGS: CommandType[] = ['meeting.end', 'emergency.stop'];
const OTHER_TYPES = COMMAND_TYPES.filter((t) => !ENDINGS.includes(t));

const attemptArb = fc.record({
  actor: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: ACTORS.length - 1 }) }),
  type: fc.constantFrom(...OTHER_TYPES),
  fields: fieldsArb,
});

/** The facilitator's likely next move in each phase, so that random runs get through the whole agenda. */
const FORWARD: Record<Phase, CommandType[]> = {
  gathering: ['meeting.start'],
  opening: ['turns.begin'],
  speaking: ['turn.next', 'turn.next', 'offer.present'],
  offer: ['offer.respond', 'objection.raise', 'bottomLines.begin', 'meeting.end'],
  'bottom-lines': ['turn.next', 'offer.present'],
  paused: ['pause.end'],
  outcome: ['meeting.close'],
  closed: [],
};

/**
 * One moment of the meeting: the facilitator may move the agenda on, and a few
 * people try something at random; the first attempt the server would accept
 * is applied, the ones before it are refused. Now and then, the meeting ends.
 */
const momentArb = fc.record({
  forward: fc.oneof({ weight: 1, arbitrary: fc.nat() }, { weight: 2, arbitrary: fc.constant(null) }),
  ending: fc.oneof({ weight: 60, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...ENDINGS) }),
  attempts: fc.array(attemptArb, { minLength: 1, maxLength: 2 }),
  dt: fc.integer({ min: 0, max: 10 * MIN }),
});

function stamp(command: Payload, index: number, revision: number, at: number, actorId: string, role: Role): MeetingEvent {
  const lobby = command.type === 'lobby.admit' || command.type === 'lobby.deny';
  const joiner = lobby ? joinerFor(command.participantId as string) : undefined;
  const clean = Object.fromEntries(Object.entries(command).filter(([, v]) => v !== undefined));
  return {
    commandId: `cmd-${index}`,
    expectedRevision: revision,
    ...clean,
    ...(joiner ? { joiner } : {}),
    at,
    by: { actorId, role },
  } as MeetingEvent;
}

/**
 * What a person would notice if it broke: two people shown speaking, a
 * countdown for nobody, a pause banner out of step. (Plain checks: this runs
 * thousands of times.)
 */
function checkConsistent(s: MeetingSnapshot) {
  const c = s.context;
  const phase = phaseOf(s);
  const problems: string[] = [];
  const speaking = c.speakingOrder.filter((t) => t.status === 'speaking').map((t) => t.participantId);
  if (speaking.join() !== (c.currentSpeakerId ?? '')) problems.push(`speaking ${speaking} but current ${c.currentSpeakerId}`);
  if ((c.turnEndsAt === null) !== (c.currentSpeakerId === null)) problems.push('a deadline without a speaker, or the reverse');
  const ids = c.speakingOrder.map((t) => t.participantId);
  if (new Set(ids).size !== ids.length) problems.push('someone twice in the order');
  if (!ids.every((pid) => c.members.some((m) => m.participantId === pid))) problems.push('a stranger in the order');
  if ((c.pause !== null) !== (phase === 'paused')) problems.push('pause record out of step with the phase');
  if ((c.outcome !== null) !== (phase === 'outcome' || phase === 'closed')) problems.push('outcome out of step with the phase');
  if ((c.closedAt !== null) !== (phase === 'closed')) problems.push('closedAt out of step with the phase');
  // Issue 9, section 6: an answer waits on a responder's screen only while the offer is open (or paused from it).
  const inOffer = phase === 'offer' || (phase === 'paused' && c.pause?.phase === 'offer');
  if ((c.raisedObjections ?? []).length > 0 && !inOffer) problems.push('an objection raised outside the offer');
  if (problems.length) throw new Error(`in ${phase}: ${problems.join('; ')}`);
}

/** expectSameState, made fast for the property's hot loop: a deep comparison of the stored JSON. */
function expectSame(actual: MeetingSnapshot, expected: MeetingSnapshot) {
  const a = JSON.parse(JSON.stringify(persistMeeting(actual)));
  const b = JSON.parse(JSON.stringify(persistMeeting(expected)));
  if (!isDeepStrictEqual(a, b)) expect(a).toEqual(b);
}

describe('property: any meeting replays to the state it was played to', () => {
  test('random commands from random senders; only accepted ones are logged', () => {
    const reached = new Set<string>();
    const property = fc.property(fc.array(momentArb, { minLength: 1, maxLength: 40, size: 'max' }), fc.integer({ min: 1, max: 8 }), (moments, restartEvery) => {
        // The plan's objections and a walk-out follower, so that raising and resolving join the runs.
        const input = meetingInput({ objections: [{ objectionId: 'o-job', responderId: BOB }, { objectionId: 'o-alone', responderId: ANN }], walkOutFollowers: [ANN] });
        let live = createMeeting(input);
        // A second copy of the meeting that goes through a server restart every few commands.
        let restarted = live;
        const log: MeetingEvent[] = [];
        let at = T;
        let sent = 0;
        for (const { forward, ending, attempts, dt } of moments) {
          const phase = phaseOf(live);
          if (phase === 'closed') break;
          at += dt;
          const { fields } = attempts[0]!;
          const moves = FORWARD[phase];
          const tries = [
            ...(ending ? [{ actor: 0, type: ending, fields }] : []),
            ...(forward !== null ? [{ actor: 0, type: moves[forward % moves.length]!, fields }] : []),
            ...attempts,
          ];
          for (const { actor, type, fields } of tries) {
            const { sender, actorId } = ACTORS[actor]!;
            const command = commandOf(type, fields);
            const event = stamp(command, sent++, log.length, at, actorId, sender.role);
            const possible = canApply(live, event);
            if (canApply(restarted, event) !== possible) throw new Error(`${type}: a restored meeting decides differently`);
            if (forbiddenReason(command.type, sender, live.context) !== null || !possible) continue;
            // The client would have shown this button: allowedCommands never hides an accepted command.
            expect(allowedCommands(live, sender, actorId)).toContain(command.type);
            live = applyEvent(live, event);
            restarted = applyEvent(restarted, event);
            log.push(event);
            checkConsistent(live);
            expectSame(restart(live), live);
            if (log.length % restartEvery === 0) restarted = restart(restarted);
            reached.add(phaseOf(live));
            break;
          }
        }
        // The log as stored (JSON) replays to the meeting as it was played.
        expectSame(replay(input, JSON.parse(JSON.stringify(log)) as MeetingEvent[]), live);
        expectSame(restarted, live);
      });
    const everyPhase = ['bottom-lines', 'closed', 'gathering', 'offer', 'opening', 'outcome', 'paused', 'speaking'].sort();
    // Runs of 200 random meetings until every phase was reached, at most five: one run of 200
    // occasionally missed a phase and failed the check below (a flake seen on 30 November).
    for (let runs = 0; runs < 5 && reached.size < everyPhase.length; runs++) fc.assert(property, { numRuns: 200 });
    // The generator must actually reach the whole agenda, or the property proves little.
    expect([...reached].sort()).toEqual(everyPhase);
  });
});
