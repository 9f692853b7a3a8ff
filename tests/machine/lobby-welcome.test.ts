// Issue 13, item 18: the remote lobby says whose meeting it is and who lets people in. The first
// names ride in the meeting's input; only a lobby view carries them, and a meeting made before
// them keeps exactly the context (and the words) it had.
import { describe, expect, test } from 'vitest';
import { createMeeting, phaseOf, replay, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { displayView, facilitatorView, participantView, publicAgenda } from '../../shared/meeting/view.js';
import { firstName } from '../../shared/names.js';
import { meetingInput } from '../helpers/events.js';
import { CY, MIN, T, ev, step } from './support.js';

const NOW = T + 5 * MIN;
const TEXTS = { letter: null, bottomLine: null };
const named = meetingInput({ lovedOneFirstName: 'Sam', facilitatorFirstName: 'Dana' });

function views(s: MeetingSnapshot) {
  const state = { context: s.context, phase: phaseOf(s), revision: 3 };
  const agenda = publicAgenda(state, NOW);
  const room = { presence: new Map(), unseen: 'never-joined' as const, lobby: [], displaysConnected: 0 };
  return {
    cy: participantView(state, agenda, { participantId: CY, name: 'Cy' }, TEXTS, []),
    facilitator: facilitatorView(state, agenda, room, []),
    display: displayView(agenda),
  };
}

describe('issue 13, item 18: the lobby names the loved one and the facilitator', () => {
  test('case 1: someone waiting sees both first names; once let in, and on every other screen, they are not in the view', () => {
    const waiting = createMeeting(named);
    expect(views(waiting).cy.lobbyWelcome).toEqual({ lovedOne: 'Sam', facilitator: 'Dana' });
    const admitted = step(waiting, ev({ type: 'lobby.admit', participantId: CY }, T + MIN));
    const after = views(admitted);
    expect(after.cy.lobby).toBeNull();
    for (const view of Object.values(after)) expect(view).not.toHaveProperty('lobbyWelcome');
  });

  test('case 2: sent back to the lobby, they see the names again, marked as returning', () => {
    let s = step(createMeeting(named), ev({ type: 'lobby.admit', participantId: CY }, T + MIN));
    s = step(s, ev({ type: 'lobby.return', participantId: CY }, T + 2 * MIN));
    expect(views(s).cy).toMatchObject({ lobby: 'waiting', you: { backInLobby: true }, lobbyWelcome: { lovedOne: 'Sam', facilitator: 'Dana' } });
  });

  test('case 3: a meeting made before the names (no fields in its input) has no such fields in its context or lobby view', () => {
    const old = createMeeting(meetingInput());
    expect(old.context).not.toHaveProperty('lovedOneFirstName');
    expect(old.context).not.toHaveProperty('facilitatorFirstName');
    expect(views(old).cy).not.toHaveProperty('lobbyWelcome');
    // Only one of them known: the other reads null, and the screen falls back to its general words.
    const half = createMeeting(meetingInput({ facilitatorFirstName: 'Dana' }));
    expect(views(half).cy.lobbyWelcome).toEqual({ lovedOne: null, facilitator: 'Dana' });
    expect(replay(named, []).context).toEqual(createMeeting(named).context);
  });

  test('case 4: a first name is the first word of the name as typed, cleaned, whatever it looks like', () => {
    expect(firstName('Sam Rivera')).toBe('Sam');
    expect(firstName('  Dana\u200B  Ortiz ')).toBe('Dana');
    expect(firstName('Chair')).toBe('Chair');
    expect(firstName('   ')).toBeNull();
    expect(firstName('x'.repeat(100))).toHaveLength(40);
  });
});
