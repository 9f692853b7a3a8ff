// Issue 14: how a v2 screen combines the agenda and its private part when they
// arrive at different revisions (docs/protocol.md, "Protocol v2").
import { describe, expect, test } from 'vitest';
import { LatestParts } from '../../client/src/lib/parts.js';
import type { FacilitatorPart, ParticipantView, PublicAgenda, YouPart } from '../../shared/meeting/view.js';

const agenda = (revision: number, extra: Partial<PublicAgenda> = {}): PublicAgenda => ({
  meetingId: 'm1', revision, phase: 'speaking', paused: false, round: 'letters', approach: 'johnson',
  speakingOrder: [{ participantId: 'ann', name: 'Ann', guest: false, status: 'speaking' }],
  currentSpeakerId: 'ann', turnEndsAt: null, outcome: null, rehearsal: false, serverTime: 1000 + revision, ...extra,
});
const you = (revision: number, extra: Partial<YouPart> = {}): YouPart => ({
  meetingId: 'm1', revision, serverTime: 1000 + revision, rehearsal: false,
  you: { participantId: 'ann', name: 'Ann', admitted: true, ready: false }, lobby: null, allowed: ['signal.send'],
  letter: 'Ann-letter', bottomLine: null, answering: [], walkOutFollow: false, ...extra,
});
const lobbyPart = (): YouPart => you(0, { lobby: 'waiting', you: { participantId: 'cy', name: 'Cy', admitted: false, ready: false }, allowed: [], letter: null });

describe('issue 14: a v2 screen renders from the latest of each part', () => {
  test('an agenda newer than the part is shown with the part as it is (the part did not change)', () => {
    const parts = new LatestParts();
    expect(parts.youArrived(you(3))).toBeNull(); // no agenda yet: wait for it
    expect(parts.agendaArrived(agenda(3))).toMatchObject({ role: 'participant', revision: 3, letter: 'Ann-letter' });
    const later = parts.agendaArrived(agenda(7, { currentSpeakerId: null })) as ParticipantView;
    expect(later).toMatchObject({ revision: 7, currentSpeakerId: null, letter: 'Ann-letter', serverTime: 1007 });
  });

  test('a part newer than the agenda waits for the agenda it came just before', () => {
    const parts = new LatestParts();
    parts.youArrived(you(3));
    parts.agendaArrived(agenda(3));
    expect(parts.youArrived(you(4, { allowed: ['turn.done'] }))).toBeNull();
    expect(parts.agendaArrived(agenda(4))).toMatchObject({ revision: 4, allowed: ['turn.done'] });
  });

  test('a lobby part shows at once, with nothing of the agenda held from before', () => {
    const parts = new LatestParts();
    parts.youArrived(you(5));
    parts.agendaArrived(agenda(5));
    const lobby = parts.youArrived(lobbyPart()) as ParticipantView;
    expect(lobby).toMatchObject({ lobby: 'waiting', revision: 0, phase: 'gathering', speakingOrder: [], approach: null, currentSpeakerId: null });
    // Let in again at revision 9: the part waits for the agenda of 9, not the 5 held before.
    expect(parts.youArrived(you(9))).toBeNull();
    expect(parts.agendaArrived(agenda(9))).toMatchObject({ revision: 9, lobby: null });
  });

  test('an older agenda is ignored; agenda alone is the display', () => {
    const parts = new LatestParts();
    expect(parts.agendaArrived(agenda(4))).toMatchObject({ role: 'display', revision: 4 });
    expect(parts.agendaArrived(agenda(3))).toBeNull();
  });

  test('the facilitator’s part composes like a participant’s, and a presence refresh (same revision) shows at once', () => {
    const parts = new LatestParts();
    const part = { meetingId: 'm1', revision: 2, serverTime: 5, allowed: ['turn.next'], lobby: [] } as unknown as FacilitatorPart;
    expect(parts.facilitatorArrived(part)).toBeNull();
    expect(parts.agendaArrived(agenda(2))).toMatchObject({ role: 'facilitator', revision: 2, allowed: ['turn.next'] });
    expect(parts.facilitatorArrived({ ...part, lobby: [{ participantId: 'cy', name: 'Cy', attendance: 'remote' }] })).toMatchObject({ revision: 2, lobby: [{ name: 'Cy' }] });
  });
});
