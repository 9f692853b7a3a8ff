// Issue 12, case 5: a refusal at the lobby is timed, so that the server can
// tell a link the person was turned away with (refused DENIED) from one the
// facilitator reissued afterwards (back to the lobby).
import { describe, expect, test } from 'vitest';
import type { MeetingSnapshot } from '../../shared/meeting/agenda.js';
import { CY, T, ev, play } from './support.js';

const member = (s: MeetingSnapshot, id: string) => s.context.members.find((m) => m.participantId === id);
const cyJoiner = { name: 'Cy', attendance: 'remote' as const };

describe('issue 12, case 5: the time of a refusal', () => {
  test('a refusal keeps its time; a later refusal moves it', () => {
    const once = play([ev({ type: 'lobby.deny', participantId: CY, joiner: cyJoiner }, T + 5)]);
    expect(member(once, CY)).toMatchObject({ denied: true, deniedAt: T + 5 });
    const guest = play([ev({ type: 'lobby.deny', participantId: 'g-x', joiner: { name: 'X', attendance: 'guest' } }, T + 7)]);
    expect(member(guest, 'g-x')).toMatchObject({ denied: true, deniedAt: T + 7 });
  });

  test('being let in after all ends the refusal, time and all', () => {
    const s = play([
      ev({ type: 'lobby.deny', participantId: CY, joiner: cyJoiner }, T + 5),
      ev({ type: 'lobby.admit', participantId: CY, joiner: cyJoiner }, T + 9),
    ]);
    expect(member(s, CY)).toMatchObject({ admitted: true, denied: false });
    expect(member(s, CY)).not.toHaveProperty('deniedAt');
  });
});
