// The speaking order holds only people who are there: someone turned away at
// the lobby leaves it, someone sent back to the lobby loses the floor and is
// passed over until let in again, and nobody outside the meeting can be called.
// Issue 12, case 7 ("the order keeps people who are not there").
import { describe, expect, test } from 'vitest';
import { canApply, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { ANN, BOB, CY, MIN, T, ev, meetingIn, play, statuses, step } from './support.js';

const cyJoiner = { name: 'Cy', attendance: 'remote' as const };
const admitCy = (at: number) => ev({ type: 'lobby.admit', participantId: CY, joiner: cyJoiner }, at);
const denyCy = (at: number) => ev({ type: 'lobby.deny', participantId: CY, joiner: cyJoiner }, at);
const returnCy = (at: number) => ev({ type: 'lobby.return', participantId: CY }, at);
const LATER = T + 30 * MIN;
const order = (s: MeetingSnapshot) => s.context.speakingOrder.map((t) => t.participantId);

describe('lobby.deny takes the person out of the speaking order', () => {
  test('issue 12, case 7: a planned remote person turned away is no longer in the order', () => {
    const s = play([denyCy(T)]);
    expect(order(s)).toEqual([ANN, BOB]);
    // So no round ever calls them: after Bob, nobody is left.
    const later = play([denyCy(T), ev({ type: 'meeting.start' }, T + MIN), ev({ type: 'turns.begin' }, T + 2 * MIN)]);
    const end = step(step(later, ev({ type: 'turn.next' }, T + 3 * MIN)), ev({ type: 'turn.next' }, T + 4 * MIN));
    expect(end.context.currentSpeakerId).toBeNull();
  });

  test('issue 12, case 7: turning away the current speaker ends that turn, with no deadline left', () => {
    // Cy never came, so turn.next reached him; then he shows up in the lobby and is turned away.
    let s = step(meetingIn('speaking'), ev({ type: 'turn.next' }, LATER));
    s = step(s, ev({ type: 'turn.next' }, LATER + MIN));
    expect(s.context.currentSpeakerId).toBe(CY);
    s = step(s, denyCy(LATER + 2 * MIN));
    expect(s.context.currentSpeakerId).toBeNull();
    expect(s.context.turnEndsAt).toBeNull();
    expect(statuses(s)).toEqual({ [ANN]: 'done', [BOB]: 'done' });
  });

  test('issue 12, case 7: a denied person cannot be called, nor put back in the order', () => {
    const s = step(meetingIn('speaking'), denyCy(LATER));
    expect(canApply(s, ev({ type: 'turn.call', participantId: CY }, LATER + MIN))).toBe(false);
    expect(canApply(s, ev({ type: 'order.set', participantIds: [ANN, BOB, CY] }, LATER + MIN))).toBe(false);
  });
});

describe('lobby.return ends the turn of the person sent back', () => {
  /** Speaking, Cy let in and called out of order: Ann waits again. */
  function cyOnTheFloor() {
    let s = step(meetingIn('speaking'), admitCy(LATER));
    s = step(s, ev({ type: 'turn.call', participantId: CY }, LATER + MIN));
    expect(s.context.currentSpeakerId).toBe(CY);
    return s;
  }

  test('issue 12, case 7: the current speaker sent back to the lobby no longer has the floor', () => {
    const s = step(cyOnTheFloor(), returnCy(LATER + 2 * MIN));
    expect(s.context.currentSpeakerId).toBeNull();
    expect(s.context.turnEndsAt).toBeNull();
    // Interrupted, not finished: Cy keeps a turn for when he is let in again.
    expect(statuses(s)).toEqual({ [ANN]: 'waiting', [BOB]: 'waiting', [CY]: 'waiting' });
  });

  test('issue 12, case 7: turn.next passes over someone back in the lobby, and reaches them once let in again', () => {
    let s = step(cyOnTheFloor(), returnCy(LATER + 2 * MIN));
    s = step(s, ev({ type: 'turn.next' }, LATER + 3 * MIN)); // Ann
    s = step(s, ev({ type: 'turn.next' }, LATER + 4 * MIN)); // Bob
    expect(s.context.currentSpeakerId).toBe(BOB);
    s = step(s, ev({ type: 'turn.next' }, LATER + 5 * MIN));
    expect(s.context.currentSpeakerId).toBeNull();
    expect(canApply(s, ev({ type: 'turn.next' }, LATER + 6 * MIN))).toBe(false);
    s = step(s, admitCy(LATER + 7 * MIN));
    s = step(s, ev({ type: 'turn.next' }, LATER + 8 * MIN));
    expect(s.context.currentSpeakerId).toBe(CY);
  });

  test('issue 12, case 7: someone sent back cannot be called until let in again', () => {
    const s = step(cyOnTheFloor(), returnCy(LATER + 2 * MIN));
    expect(canApply(s, ev({ type: 'turn.call', participantId: CY }, LATER + 3 * MIN))).toBe(false);
    expect(canApply(step(s, admitCy(LATER + 3 * MIN)), ev({ type: 'turn.call', participantId: CY }, LATER + 4 * MIN))).toBe(true);
  });

  test('sending back someone who is not speaking leaves the speaker alone', () => {
    let s = step(meetingIn('speaking'), admitCy(LATER));
    s = step(s, returnCy(LATER + MIN));
    expect(s.context.currentSpeakerId).toBe(ANN);
    expect(statuses(s)).toEqual({ [ANN]: 'speaking', [BOB]: 'waiting', [CY]: 'waiting' });
  });
});

describe('turn.call and order.set refuse people who are not there', () => {
  test('issue 12, case 7: turn.call refuses a remote person not yet let in', () => {
    const s = meetingIn('speaking');
    expect(canApply(s, ev({ type: 'turn.call', participantId: CY }, LATER))).toBe(false);
    expect(canApply(step(s, admitCy(LATER)), ev({ type: 'turn.call', participantId: CY }, LATER + MIN))).toBe(true);
  });

  test('order.set still takes a planned remote person not yet let in (docs/protocol.md promises it)', () => {
    expect(canApply(meetingIn('gathering'), ev({ type: 'order.set', participantIds: [CY, ANN] }, T))).toBe(true);
  });

  test('order.set refuses a guest who is back in the lobby', () => {
    const may = { name: 'Aunt May', attendance: 'guest' as const };
    let s = play([ev({ type: 'lobby.admit', participantId: 'g-may', joiner: may }, T)]);
    expect(canApply(s, ev({ type: 'order.set', participantIds: [ANN, 'g-may'] }, T + 1))).toBe(true);
    s = step(s, ev({ type: 'lobby.return', participantId: 'g-may' }, T + 2));
    expect(canApply(s, ev({ type: 'order.set', participantIds: [ANN, 'g-may'] }, T + 3))).toBe(false);
  });
});
