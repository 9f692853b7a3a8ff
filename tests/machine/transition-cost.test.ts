// Issue 14, case 8: applying an event built a whole actor (XState's
// `transition()` makes an inert one per call, with the machine's initial
// snapshot): most of a command's time in the machine, and of a restore's
// replay. applyEvent now runs every transition in one scope. XState numbers
// every actor it builds (its session ids count up), so counting them shows it.
import { expect, test } from 'vitest';
import { createActor, createMachine, transition } from 'xstate';
import { applyEvent, persistMeeting } from '../../shared/meeting/agenda.js';
import { meetingMachine } from '../../shared/meeting/machine.js';
import { ev } from '../helpers/events.js';
import { eventsTo, MIN, play, T } from './support.js';

const probe = createMachine({});
/** The number XState gives the next actor it builds. */
const nextActorNumber = () => Number(createActor(probe).sessionId.split(':')[1]);

const extensions = Array.from({ length: 100 }, (_, i) => ev({ type: 'turn.extend', seconds: 30 }, T + 3 * MIN + i * 1000));

test('issue 14, case 8: a hundred events build no actor', () => {
  const speaking = play(eventsTo('speaking'));
  applyEvent(speaking, extensions[0]!);
  const before = nextActorNumber();
  extensions.reduce(applyEvent, speaking);
  // One number for the probe itself; a hundred actors would be a hundred or more.
  expect(nextActorNumber() - before).toBe(1);
});

test('issue 14, case 8: the same meeting as XState’s own transition()', () => {
  const speaking = play(eventsTo('speaking'));
  const ours = extensions.reduce(applyEvent, speaking);
  const theirs = extensions.reduce((snapshot, event) => transition(meetingMachine, snapshot, event)[0], speaking);
  expect(persistMeeting(ours)).toEqual(persistMeeting(theirs));
  expect(ours.context.turnEndsAt).toBe(speaking.context.turnEndsAt! + 100 * 30_000);
});
