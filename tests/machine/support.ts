// Shared set-up for the machine tests: a meeting driven to a given phase with
// stamped events, as the server would deliver them, checking each is accepted.
import { expect } from 'vitest';
import {
  applyEvent,
  canApply,
  createMeeting,
  persistMeeting,
  phaseOf,
  restoreMeeting,
  type MeetingSnapshot,
} from '../../shared/meeting/agenda.js';
import type { MeetingInput, Phase } from '../../shared/meeting/context.js';
import type { MeetingEvent } from '../../shared/protocol.js';
import { ev, meetingInput, participant } from '../helpers/events.js';

/** A fixed start time, so that deadlines are easy to read: T + 300_000 is five minutes later. */
export const T = 1_700_000_000_000;
export const MIN = 60_000;

export const ANN = 'p-ann';
export const BOB = 'p-bob';
/** Remote: on the plan, waits in the lobby until admitted. */
export const CY = 'p-cy';

/** Apply an event the machine must accept. */
export function step(snapshot: MeetingSnapshot, event: MeetingEvent): MeetingSnapshot {
  if (!canApply(snapshot, event)) {
    throw new Error(`${event.type} was refused in ${phaseOf(snapshot)}`);
  }
  return applyEvent(snapshot, event);
}

export function play(events: MeetingEvent[], input: MeetingInput = meetingInput()): MeetingSnapshot {
  return events.reduce(step, createMeeting(input));
}

/**
 * Events that bring a fresh meeting to a phase; times count up from T by minutes.
 * Speaking and bottom-lines have Ann speaking; paused is a pause while Ann speaks.
 */
export function eventsTo(phase: Phase): MeetingEvent[] {
  const live = [
    ev({ type: 'meeting.start' }, T + 1 * MIN),
    ev({ type: 'turns.begin' }, T + 2 * MIN),
    ev({ type: 'offer.present' }, T + 10 * MIN),
    ev({ type: 'offer.respond', response: 'declined' }, T + 11 * MIN),
    ev({ type: 'bottomLines.begin' }, T + 12 * MIN),
  ];
  const speaking = live.slice(0, 2);
  switch (phase) {
    case 'gathering':
      return [];
    case 'opening':
      return live.slice(0, 1);
    case 'speaking':
      return speaking;
    case 'offer':
      return live.slice(0, 3);
    case 'bottom-lines':
      return live;
    case 'paused':
      return [...speaking, ev({ type: 'pause.start', reason: 'outburst' }, T + 3 * MIN)];
    case 'outcome':
      return [...speaking, ev({ type: 'meeting.end', outcome: 'accepted' }, T + 20 * MIN)];
    case 'closed':
      return [...eventsTo('outcome'), ev({ type: 'meeting.close' }, T + 21 * MIN)];
  }
}

export function meetingIn(phase: Phase, input: MeetingInput = meetingInput()): MeetingSnapshot {
  return play(eventsTo(phase), input);
}

/** A server restart: the stored JSON is all that survives. */
export function restart(snapshot: MeetingSnapshot): MeetingSnapshot {
  return restoreMeeting(JSON.parse(JSON.stringify(persistMeeting(snapshot))));
}

export function expectSameState(actual: MeetingSnapshot, expected: MeetingSnapshot) {
  expect(persistMeeting(actual)).toEqual(persistMeeting(expected));
}

export function statuses(snapshot: MeetingSnapshot): Record<string, string> {
  return Object.fromEntries(snapshot.context.speakingOrder.map((t) => [t.participantId, t.status]));
}

export { ev, meetingInput, participant };
