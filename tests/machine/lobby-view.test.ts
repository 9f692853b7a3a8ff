// What someone still in the lobby is shown: that they are waiting, and nothing
// of how far the meeting has got. Issue 12, case 8 ("the lobby view gives the
// meeting away").
import { describe, expect, test } from 'vitest';
import { phaseOf, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { PHASES, type Phase } from '../../shared/meeting/context.js';
import { participantView, publicAgenda, type ParticipantView } from '../../shared/meeting/view.js';
import { CY, MIN, T, ev, meetingIn, step } from './support.js';

const NOW = T + 90 * MIN;
const NO_TEXTS = { letter: 'Dear Sam', bottomLine: 'I will no longer pay your rent' };

function viewOf(s: MeetingSnapshot, revision: number, participantId = CY, name = 'Cy'): ParticipantView {
  const state = { context: s.context, phase: phaseOf(s), revision };
  return participantView(state, publicAgenda(state, NOW), { participantId, name }, NO_TEXTS, []);
}

/** Everything a lobby view may say, whatever the meeting is doing. */
function waitingOnly(meetingId: string, participantId: string, name: string) {
  return {
    meetingId,
    revision: 0,
    phase: 'gathering',
    paused: false,
    round: 'letters',
    approach: null,
    speakingOrder: [],
    currentSpeakerId: null,
    turnEndsAt: null,
    outcome: null,
    // Issue 10, section 4: fixed for the meeting's life; a real meeting's lobby says it is not a rehearsal.
    rehearsal: false,
    serverTime: NOW,
    role: 'participant',
    you: { participantId, name, admitted: false, ready: false },
    lobby: 'waiting',
    allowed: [],
    letter: null,
    bottomLine: null,
    // Issue 9, section 6: nobody waiting answers an objection or follows the loved one.
    answering: [],
    walkOutFollow: false,
  };
}

describe('issue 12, case 8: a lobby view says only that the person is waiting', () => {
  test.each(PHASES.map((p) => [p]))('the same view in %s: no phase, no revision, no pause, no round', (phase: Phase) => {
    const view = viewOf(meetingIn(phase), 17);
    expect(view).toEqual(waitingOnly('m-1', CY, 'Cy'));
  });

  test('a guest the machine has never seen gets the same view, with the name they gave', () => {
    expect(viewOf(meetingIn('bottom-lines'), 23, 'g-zed', 'Walk-in Zed')).toEqual(waitingOnly('m-1', 'g-zed', 'Walk-in Zed'));
  });

  test('someone sent back to the lobby during bottom lines does not learn the person declined', () => {
    let s = step(meetingIn('speaking'), ev({ type: 'lobby.admit', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, T + 3 * MIN));
    expect(viewOf(s, 3).phase).toBe('speaking');
    s = step(s, ev({ type: 'offer.present' }, T + 10 * MIN));
    s = step(s, ev({ type: 'offer.respond', response: 'declined' }, T + 11 * MIN));
    s = step(s, ev({ type: 'bottomLines.begin' }, T + 12 * MIN));
    s = step(s, ev({ type: 'lobby.return', participantId: CY }, T + 13 * MIN));
    // Issue 13, item 18: they learn only that they were asked back to the lobby, which they saw happen.
    const back = waitingOnly('m-1', CY, 'Cy');
    expect(viewOf(s, 8)).toEqual({ ...back, you: { ...back.you, backInLobby: true } });
  });

  test('issue 13, item 18: someone sent back is told so; a first arrival, and someone let in again, are not', () => {
    let s = step(meetingIn('speaking'), ev({ type: 'lobby.admit', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, T + 3 * MIN));
    expect(viewOf(meetingIn('speaking'), 2).you).not.toHaveProperty('backInLobby');
    s = step(s, ev({ type: 'lobby.return', participantId: CY }, T + 4 * MIN));
    expect(viewOf(s, 4).you.backInLobby).toBe(true);
    s = step(s, ev({ type: 'lobby.admit', participantId: CY }, T + 5 * MIN));
    expect(viewOf(s, 5).you).not.toHaveProperty('backInLobby');
  });

  test('once let in, the view is the meeting as it is', () => {
    const s = step(meetingIn('paused'), ev({ type: 'lobby.admit', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, T + 4 * MIN));
    const view = viewOf(s, 5);
    expect(view).toMatchObject({ revision: 5, phase: 'paused', paused: true, lobby: null, letter: 'Dear Sam' });
  });
});
