// Issue 13, item 18: a meeting carries its call details (a video link, or a dial-in number with a
// PIN), set by the facilitator; admitted people see them, the lobby only if the facilitator chooses.
import { describe, expect, test } from 'vitest';
import { canApply, phaseOf, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { participantView, publicAgenda } from '../../shared/meeting/view.js';
import { parseCommand } from '../../shared/protocol.js';
import { ANN, CY, MIN, T, ev, meetingIn, step } from './support.js';

const NOW = T + 30 * MIN;
const TEXTS = { letter: 'Dear Sam', bottomLine: null };
const CALL = { videoLink: 'https://meet.example.org/sam', dialIn: '+44 20 7946 0000', pin: '4321#' };

function viewOf(s: MeetingSnapshot, participantId: string) {
  const state = { context: s.context, phase: phaseOf(s), revision: 3 };
  return participantView(state, publicAgenda(state, NOW), { participantId, name: 'x' }, TEXTS, []);
}

function withCall(showInLobby: boolean): MeetingSnapshot {
  return step(meetingIn('speaking'), ev({ type: 'meeting.callDetails', ...CALL, showInLobby }, T + 5 * MIN));
}

describe('issue 13, item 18: call details', () => {
  test('admitted remote people see the call details; someone in the lobby does not, by default; the room does not need them', () => {
    let s = withCall(false);
    expect(viewOf(s, ANN).callDetails).toBeUndefined();
    s = step(s, ev({ type: 'lobby.admit', participantId: CY, joiner: { name: 'Cy', attendance: 'remote' } }, T + 7 * MIN));
    expect(viewOf(s, CY).callDetails).toEqual(CALL);
    s = withCall(false);
    expect(viewOf(s, CY).lobby).toBe('waiting');
    expect(viewOf(s, CY).callDetails).toBeUndefined();
  });

  test('the lobby sees them only when the facilitator chooses, and still nothing else of the meeting', () => {
    const view = viewOf(withCall(true), CY);
    expect(view.callDetails).toEqual(CALL);
    expect(view.phase).toBe('gathering');
    expect(view.revision).toBe(0);
  });

  test('clearing every field takes them away from every screen', () => {
    const s = step(withCall(true), ev({ type: 'meeting.callDetails', videoLink: null, dialIn: null, pin: null, showInLobby: true }, T + 6 * MIN));
    expect(viewOf(s, CY).callDetails).toBeUndefined();
  });

  test('a link must be http(s); a number must look like one; a PIN is digits', () => {
    const base = { type: 'meeting.callDetails', commandId: 'c-1', expectedRevision: 1, videoLink: null, dialIn: null, pin: null, showInLobby: false };
    expect(parseCommand({ ...base, videoLink: 'https://meet.example.org/x' }).ok).toBe(true);
    expect(parseCommand({ ...base, videoLink: 'javascript:alert(1)' }).ok).toBe(false);
    expect(parseCommand({ ...base, videoLink: 'ftp://files.example.org' }).ok).toBe(false);
    expect(parseCommand({ ...base, dialIn: '+1 (555) 010-0000', pin: '1234' }).ok).toBe(true);
    expect(parseCommand({ ...base, dialIn: 'call me' }).ok).toBe(false);
    expect(parseCommand({ ...base, dialIn: '12' }).ok).toBe(false);
    expect(parseCommand({ ...base, dialIn: '+1 555 010 0000', pin: '12ab' }).ok).toBe(false);
  });

  test('they cannot be changed once the meeting has ended', () => {
    expect(canApply(meetingIn('outcome'), ev({ type: 'meeting.callDetails', ...CALL, showInLobby: false }, T + 50 * MIN))).toBe(false);
  });
});
