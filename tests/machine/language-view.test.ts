// Issue 15: the language reaches each screen through its own view, in one place (view.ts): a
// participant's `you.language` (in the lobby too, from the same record as their letter), the
// display's `language`; absent means English, so views of English screens are unchanged.
import { describe, expect, test } from 'vitest';
import { phaseOf, type MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { displayView, participantView, publicAgenda, type ParticipantView } from '../../shared/meeting/view.js';
import { ANN, CY, T, meetingIn } from './support.js';

function viewOf(s: MeetingSnapshot, participantId: string, language?: 'en' | 'es'): ParticipantView {
  const state = { context: s.context, phase: phaseOf(s), revision: 3 };
  const texts = { letter: 'Querido Sam', bottomLine: null, ...(language ? { language } : {}) };
  return participantView(state, publicAgenda(state, T), { participantId, name: 'x' }, texts, []);
}

describe('the language in the views', () => {
  test('issue 15: a participant set to Spanish is told so in their view, let in or waiting in the lobby', () => {
    const s = meetingIn('speaking');
    expect(viewOf(s, ANN, 'es').you.language).toBe('es');
    // Cy is remote and not let in: the lobby view carries it too, and nothing more of the meeting.
    const lobby = viewOf(meetingIn('gathering'), CY, 'es');
    expect(lobby).toMatchObject({ lobby: 'waiting', you: { language: 'es' } });
  });

  test('issue 15: English (set or never set) leaves the view as before', () => {
    const s = meetingIn('speaking');
    expect(viewOf(s, ANN, 'en').you).not.toHaveProperty('language');
    expect(viewOf(s, ANN).you).not.toHaveProperty('language');
  });

  test('issue 15: the display view carries the meeting’s display language, only when not English', () => {
    const s = meetingIn('offer');
    const state = { context: s.context, phase: phaseOf(s), revision: 5 };
    const agenda = publicAgenda(state, T);
    // Since protocol v2 the language rides on the agenda (a v2 display receives nothing else) and the
    // display's view shows it as `language`; nobody else's view carries it.
    const spanish = publicAgenda(state, T, 'es');
    expect(spanish).toEqual({ ...agenda, displayLanguage: 'es' });
    expect(displayView(spanish)).toEqual({ ...agenda, role: 'display', language: 'es' });
    expect(displayView(agenda)).toEqual({ ...agenda, role: 'display' });
    expect(publicAgenda(state, T, 'en')).not.toHaveProperty('displayLanguage');
    expect(participantView(state, spanish, { participantId: ANN, name: 'Ann' }, { letter: null, bottomLine: null }, [])).not.toHaveProperty('displayLanguage');
  });
});
