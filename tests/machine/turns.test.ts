// Speaking turns: who has the floor, who is next, and the advisory deadline
// every screen counts down to. The same controls run the letters round and
// the bottom-lines round.
import { describe, expect, test } from 'vitest';
import { canApply } from '../../shared/meeting/agenda.js';
import type { Phase } from '../../shared/meeting/context.js';
import { ANN, BOB, CY, MIN, T, ev, eventsTo, meetingIn, participant, play, statuses, step } from './support.js';

const TURN = 300_000;
const ROUNDS: Array<[Phase]> = [['speaking'], ['bottom-lines']];
/** Ann has the floor in both rounds; the round began at this time. */
const BEGAN = { speaking: T + 2 * MIN, 'bottom-lines': T + 12 * MIN } as Record<Phase, number>;
const LATER = T + 30 * MIN;

/** Everyone in the order has had their turn. */
function allSpoken(phase: Phase) {
  return play([
    ...eventsTo(phase),
    ev({ type: 'turn.next' }, LATER),
    ev({ type: 'turn.next' }, LATER + MIN),
    ev({ type: 'turn.next' }, LATER + 2 * MIN),
  ]);
}

describe.each(ROUNDS)('in the %s round', (phase) => {
  test('turn.done by the speaker marks them done and gives the floor to the next waiting person, with a fresh deadline', () => {
    const s = step(meetingIn(phase), ev({ type: 'turn.done' }, LATER, participant(ANN)));
    expect(statuses(s)).toEqual({ [ANN]: 'done', [BOB]: 'speaking', [CY]: 'waiting' });
    expect(s.context.currentSpeakerId).toBe(BOB);
    expect(s.context.turnEndsAt).toBe(LATER + TURN);
  });

  test('turn.next from the facilitator does the same as turn.done', () => {
    const viaNext = step(meetingIn(phase), ev({ type: 'turn.next' }, LATER));
    const viaDone = step(meetingIn(phase), ev({ type: 'turn.done' }, LATER, participant(ANN)));
    expect(viaNext.context).toEqual(viaDone.context);
  });

  test('after the last speaker, nobody has the floor and there is no deadline; the phase stays', () => {
    const s = allSpoken(phase);
    expect(s.context.currentSpeakerId).toBeNull();
    expect(s.context.turnEndsAt).toBeNull();
    expect(statuses(s)).toEqual({ [ANN]: 'done', [BOB]: 'done', [CY]: 'done' });
    expect(s.value).toEqual(meetingIn(phase).value);
  });

  test('with nobody speaking, turn.done and turn.skip are refused', () => {
    const s = allSpoken(phase);
    expect(canApply(s, ev({ type: 'turn.done' }, LATER + 3 * MIN))).toBe(false);
    expect(canApply(s, ev({ type: 'turn.done' }, LATER + 3 * MIN, participant(CY)))).toBe(false);
    expect(canApply(s, ev({ type: 'turn.skip' }, LATER + 3 * MIN))).toBe(false);
  });

  test('when everyone has spoken, turn.next is refused', () => {
    expect(canApply(allSpoken(phase), ev({ type: 'turn.next' }, LATER + 3 * MIN))).toBe(false);
  });

  test('with nobody speaking but someone still waiting, turn.next calls them', () => {
    // Ann is taken out of the order mid-turn: nobody has the floor, Bob and Cy wait.
    let s = step(meetingIn(phase), ev({ type: 'order.set', participantIds: [BOB, CY] }, LATER));
    expect(s.context.currentSpeakerId).toBeNull();
    expect(canApply(s, ev({ type: 'turn.done' }, LATER + MIN))).toBe(false);
    s = step(s, ev({ type: 'turn.next' }, LATER + MIN));
    expect(s.context.currentSpeakerId).toBe(BOB);
    expect(s.context.turnEndsAt).toBe(LATER + MIN + TURN);
    expect(statuses(s)).toEqual({ [BOB]: 'speaking', [CY]: 'waiting' });
  });

  test('turn.skip marks the speaker skipped and calls the next; a skipped person is not called again by turn.next', () => {
    let s = step(meetingIn(phase), ev({ type: 'turn.skip' }, LATER));
    expect(statuses(s)).toEqual({ [ANN]: 'skipped', [BOB]: 'speaking', [CY]: 'waiting' });
    expect(s.context.turnEndsAt).toBe(LATER + TURN);
    s = step(s, ev({ type: 'turn.next' }, LATER + MIN));
    s = step(s, ev({ type: 'turn.next' }, LATER + 2 * MIN));
    expect(statuses(s)).toEqual({ [ANN]: 'skipped', [BOB]: 'done', [CY]: 'done' });
    expect(s.context.currentSpeakerId).toBeNull();
  });

  test('turn.call gives the floor out of order; the interrupted speaker waits and gets it back next', () => {
    // Cy is remote: only someone let in can be called (issue 12, case 7), so he is let in first.
    const cyIn = step(meetingIn(phase), ev({ type: 'lobby.admit', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, LATER - 1));
    let s = step(cyIn, ev({ type: 'turn.call', participantId: CY }, LATER));
    expect(statuses(s)).toEqual({ [ANN]: 'waiting', [BOB]: 'waiting', [CY]: 'speaking' });
    expect(s.context.currentSpeakerId).toBe(CY);
    expect(s.context.turnEndsAt).toBe(LATER + TURN);
    s = step(s, ev({ type: 'turn.done' }, LATER + MIN, participant(CY)));
    // Ann comes first in the order and had not finished.
    expect(s.context.currentSpeakerId).toBe(ANN);
    expect(statuses(s)).toEqual({ [ANN]: 'speaking', [BOB]: 'waiting', [CY]: 'done' });
  });

  test('turn.call can bring back someone who has already spoken, and calls when nobody is speaking', () => {
    const s = step(allSpoken(phase), ev({ type: 'turn.call', participantId: ANN }, LATER + 5 * MIN));
    expect(s.context.currentSpeakerId).toBe(ANN);
    expect(s.context.turnEndsAt).toBe(LATER + 5 * MIN + TURN);
    expect(statuses(s)).toEqual({ [ANN]: 'speaking', [BOB]: 'done', [CY]: 'done' });
  });

  test('turn.call is refused for someone not in the order, a stranger, or the person already speaking', () => {
    const notInOrder = play([...eventsTo(phase), ev({ type: 'order.set', participantIds: [ANN, BOB] }, LATER)]);
    expect(canApply(notInOrder, ev({ type: 'turn.call', participantId: CY }, LATER + MIN))).toBe(false);
    const s = meetingIn(phase);
    expect(canApply(s, ev({ type: 'turn.call', participantId: 'p-nobody' }, LATER))).toBe(false);
    expect(canApply(s, ev({ type: 'turn.call', participantId: ANN }, LATER))).toBe(false);
    expect(canApply(s, ev({ type: 'turn.call', participantId: BOB }, LATER))).toBe(true);
  });

  test('turn.extend moves the deadline later by the seconds given, and can be repeated', () => {
    let s = step(meetingIn(phase), ev({ type: 'turn.extend', seconds: 90 }, LATER));
    expect(s.context.turnEndsAt).toBe(BEGAN[phase] + TURN + 90_000);
    s = step(s, ev({ type: 'turn.extend', seconds: 30 }, LATER + MIN));
    expect(s.context.turnEndsAt).toBe(BEGAN[phase] + TURN + 120_000);
    // Extending changes nothing else: the same person keeps the floor.
    expect(s.context.currentSpeakerId).toBe(ANN);
  });

  test('turn.extend is refused when there is no deadline, because nobody is speaking', () => {
    expect(canApply(allSpoken(phase), ev({ type: 'turn.extend', seconds: 60 }, LATER + 3 * MIN))).toBe(false);
  });

  test('a passed deadline changes nothing by itself: the same speaker still has the floor', () => {
    const s = meetingIn(phase);
    const late = s.context.turnEndsAt! + 10 * MIN;
    const after = step(s, ev({ type: 'signal.send', kind: 'want-to-speak' }, late, participant(BOB)));
    expect(after.context.currentSpeakerId).toBe(ANN);
    expect(after.context.turnEndsAt).toBe(s.context.turnEndsAt);
  });
});

describe('order.set', () => {
  const at = T + 5 * MIN;

  test('in gathering, the new order is the one turns.begin follows', () => {
    const s = play([
      ev({ type: 'order.set', participantIds: [CY, ANN] }, T),
      ev({ type: 'meeting.start' }, T + MIN),
      ev({ type: 'turns.begin' }, T + 2 * MIN),
    ]);
    expect(s.context.speakingOrder.map((t) => t.participantId)).toEqual([CY, ANN]);
    expect(s.context.currentSpeakerId).toBe(CY);
  });

  test('keeps each remaining speaker status and the current speaker with their deadline', () => {
    const before = play([...eventsTo('speaking'), ev({ type: 'turn.skip' }, T + 3 * MIN)]);
    // Ann skipped, Bob speaking, Cy waiting.
    const s = step(before, ev({ type: 'order.set', participantIds: [CY, BOB, ANN] }, at));
    expect(s.context.speakingOrder).toEqual([
      { participantId: CY, status: 'waiting' },
      { participantId: BOB, status: 'speaking' },
      { participantId: ANN, status: 'skipped' },
    ]);
    expect(s.context.currentSpeakerId).toBe(BOB);
    expect(s.context.turnEndsAt).toBe(before.context.turnEndsAt);
  });

  test('a reordered waiting person is called next', () => {
    let s = step(meetingIn('speaking'), ev({ type: 'order.set', participantIds: [ANN, CY, BOB] }, at));
    s = step(s, ev({ type: 'turn.next' }, at + MIN));
    expect(s.context.currentSpeakerId).toBe(CY);
  });

  test('an admitted newcomer joins the order waiting', () => {
    const s = play([
      ...eventsTo('speaking'),
      ev({ type: 'lobby.admit', participantId: 'g-may', joiner: { name: 'May', attendance: 'guest' } }, T + 3 * MIN),
      ev({ type: 'order.set', participantIds: [ANN, BOB, CY, 'g-may'] }, at),
    ]);
    expect(statuses(s)).toEqual({ [ANN]: 'speaking', [BOB]: 'waiting', [CY]: 'waiting', 'g-may': 'waiting' });
  });

  test('removing the current speaker leaves nobody on the floor and clears the deadline', () => {
    const s = step(meetingIn('speaking'), ev({ type: 'order.set', participantIds: [BOB, CY] }, at));
    expect(s.context.currentSpeakerId).toBeNull();
    expect(s.context.turnEndsAt).toBeNull();
    expect(statuses(s)).toEqual({ [BOB]: 'waiting', [CY]: 'waiting' });
  });

  test('refuses duplicates', () => {
    expect(canApply(meetingIn('speaking'), ev({ type: 'order.set', participantIds: [ANN, BOB, ANN] }, at))).toBe(false);
  });

  test('refuses ids that are not on the meeting', () => {
    expect(canApply(meetingIn('speaking'), ev({ type: 'order.set', participantIds: [ANN, 'p-stranger'] }, at))).toBe(false);
  });

  test('refuses people who were turned away at the lobby', () => {
    const s = play([
      ev({ type: 'lobby.deny', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, T),
      ev({ type: 'lobby.deny', participantId: 'g-x', joiner: { name: 'X', attendance: 'guest' } }, T),
    ]);
    expect(canApply(s, ev({ type: 'order.set', participantIds: [ANN, CY] }, at))).toBe(false);
    expect(canApply(s, ev({ type: 'order.set', participantIds: [ANN, 'g-x'] }, at))).toBe(false);
    expect(canApply(s, ev({ type: 'order.set', participantIds: [ANN, BOB] }, at))).toBe(true);
  });

  // Changed by the issue 12 follow-up: an empty order used to be accepted; it is refused now.
  test('accepts a planned remote participant still in the lobby, and refuses an empty order', () => {
    const s = meetingIn('gathering');
    expect(s.context.members.find((m) => m.participantId === CY)?.admitted).toBe(false);
    expect(canApply(s, ev({ type: 'order.set', participantIds: [CY] }, at))).toBe(true);
    expect(canApply(s, ev({ type: 'order.set', participantIds: [] }, at))).toBe(false);
  });

  test('is refused while paused', () => {
    expect(canApply(meetingIn('paused'), ev({ type: 'order.set', participantIds: [BOB, ANN, CY] }, at))).toBe(false);
  });

  test('in the bottom-lines round, it changes that round only; the letters round is kept as it was', () => {
    const before = meetingIn('bottom-lines');
    const s = step(before, ev({ type: 'order.set', participantIds: [BOB, ANN] }, T + 13 * MIN));
    expect(s.context.speakingOrder.map((t) => t.participantId)).toEqual([BOB, ANN]);
    expect(s.context.lettersRound).toEqual(before.context.lettersRound);
  });
});
