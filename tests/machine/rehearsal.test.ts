// Issue 10, section 4: rehearsal meetings in the machine and the projection. A rehearsal is the
// same agenda with the same commands; it is marked in every view, records each spell at the floor,
// and the facilitator's view sets actual reading times against the letters' estimates.
import { describe, expect, it } from 'vitest';
import { contextOf, phaseOf, replay } from '../../shared/meeting/agenda.js';
import { initialContext } from '../../shared/meeting/context.js';
import { readingSecondsOf, readingTimes } from '../../shared/meeting/reading.js';
import { displayView, facilitatorView, participantView, publicAgenda, type LiveRoom } from '../../shared/meeting/view.js';
import { ev, meetingInput } from '../helpers/events.js';
import { ANN, BOB, CY, MIN, play, restart, T } from './support.js';

const SEC = 1000;
const rehearsal = () => meetingInput({ rehearsal: true });
const room: LiveRoom = { presence: new Map(), unseen: 'never-joined', lobby: [], displaysConnected: 0 };

/** Ann reads 3 min with a 1 min pause inside, Bob is skipped, Cy (remote, let in) reads 2 min; then the offer. */
function rehearsedLetters() {
  return [
    ev({ type: 'lobby.admit', participantId: CY }, T),
    ev({ type: 'meeting.start' }, T + 1 * MIN),
    ev({ type: 'turns.begin' }, T + 2 * MIN),
    ev({ type: 'pause.start', reason: 'needs-a-moment' }, T + 3 * MIN),
    ev({ type: 'pause.end' }, T + 4 * MIN),
    ev({ type: 'turn.next' }, T + 6 * MIN),
    ev({ type: 'turn.skip' }, T + 6 * MIN + 5 * SEC),
    ev({ type: 'turn.done' }, T + 8 * MIN + 5 * SEC),
    ev({ type: 'offer.present' }, T + 9 * MIN),
  ];
}

describe('a rehearsal (issue 10, section 4)', () => {
  it('case 1: a real meeting keeps exactly the context it always had, so old logs replay to their snapshots', () => {
    const context = initialContext(meetingInput());
    expect('rehearsal' in context).toBe(false);
    expect('readings' in context).toBe(false);
    expect(initialContext(meetingInput({ rehearsal: false }))).toEqual(context);
    const played = contextOf(play(rehearsedLetters()));
    expect(played.readings).toBeUndefined();
    expect(facilitatorView({ context: played, phase: 'offer', revision: 9 }, publicAgenda({ context: played, phase: 'offer', revision: 9 }, T), room, []).readingTimes).toBeNull();
  });

  it('case 2: every view says it is a rehearsal, the lobby included; a real meeting says it is not', () => {
    const snapshot = play([], rehearsal());
    const state = { context: contextOf(snapshot), phase: phaseOf(snapshot), revision: 0 };
    const agenda = publicAgenda(state, T);
    expect(agenda.rehearsal).toBe(true);
    expect(displayView(agenda).rehearsal).toBe(true);
    expect(facilitatorView(state, agenda, room, []).rehearsal).toBe(true);
    const texts = { letter: null, bottomLine: null };
    expect(participantView(state, agenda, { participantId: ANN, name: 'Ann' }, texts, []).rehearsal).toBe(true);
    const lobby = participantView(state, agenda, { participantId: CY, name: 'Cy' }, texts, []);
    expect(lobby.lobby).toBe('waiting');
    expect(lobby.rehearsal).toBe(true);
    const real = play([]);
    expect(publicAgenda({ context: contextOf(real), phase: 'gathering', revision: 0 }, T).rehearsal).toBe(false);
  });

  it('case 3: each spell at the floor is recorded from its call to its end, with its round', () => {
    const context = contextOf(play(rehearsedLetters(), rehearsal()));
    expect(context.readings).toEqual([
      { participantId: ANN, round: 'letters', startedAt: T + 2 * MIN, endedAt: T + 6 * MIN },
      { participantId: BOB, round: 'letters', startedAt: T + 6 * MIN, endedAt: T + 6 * MIN + 5 * SEC },
      { participantId: CY, round: 'letters', startedAt: T + 6 * MIN + 5 * SEC, endedAt: T + 8 * MIN + 5 * SEC },
    ]);
  });

  it('case 4: reading times leave pauses out and set each reader against their estimate', () => {
    const context = contextOf(play(rehearsedLetters(), rehearsal()));
    const estimates: Record<string, number | null> = { [ANN]: 120, [BOB]: 60, [CY]: null };
    expect(readingTimes(context, T + 10 * MIN, (id) => estimates[id] ?? null)).toEqual([
      { participantId: ANN, name: 'Ann', estimatedSeconds: 120, actualSeconds: 180 },
      { participantId: BOB, name: 'Bob', estimatedSeconds: 60, actualSeconds: 5 },
      { participantId: CY, name: 'Cy', estimatedSeconds: null, actualSeconds: 120 },
    ]);
  });

  it('case 5: someone interrupted by a call and called back later reads in two spells, summed', () => {
    const context = contextOf(
      play(
        [
          ev({ type: 'meeting.start' }, T),
          ev({ type: 'turns.begin' }, T + 1 * MIN),
          ev({ type: 'turn.call', participantId: BOB }, T + 2 * MIN),
          ev({ type: 'turn.call', participantId: ANN }, T + 3 * MIN),
          ev({ type: 'meeting.end', outcome: 'accepted' }, T + 5 * MIN),
        ],
        rehearsal(),
      ),
    );
    const times = readingTimes(context, T + 6 * MIN, () => null)!;
    expect(times.map((t) => [t.participantId, t.actualSeconds])).toEqual([[ANN, 180], [BOB, 60], [CY, null]]);
  });

  it('case 6: the bottom-lines round is kept apart; reading times stay the letters round', () => {
    const events = [
      ...rehearsedLetters(),
      // The facilitator plays the loved one: a refusal leads to the bottom lines, as in a meeting.
      ev({ type: 'offer.respond', response: 'declined' }, T + 10 * MIN),
      ev({ type: 'bottomLines.begin' }, T + 11 * MIN),
      ev({ type: 'turn.next' }, T + 12 * MIN),
    ];
    const context = contextOf(play(events, rehearsal()));
    expect(context.readings!.filter((r) => r.round === 'bottom-lines').map((r) => r.participantId)).toEqual([ANN, BOB]);
    const times = readingTimes(context, T + 13 * MIN, () => null)!;
    expect(times.map((t) => t.actualSeconds)).toEqual([180, 5, 120]);
  });

  it('case 7: a rehearsal survives a restart and replays from its log to the same readings', () => {
    const events = rehearsedLetters();
    const snapshot = play(events, rehearsal());
    expect(contextOf(restart(snapshot))).toEqual(contextOf(snapshot));
    expect(contextOf(replay(rehearsal(), events))).toEqual(contextOf(snapshot));
  });

  it('case 8: the estimate reads 130 words a minute, in whole seconds; no words, no estimate', () => {
    expect(readingSecondsOf('word '.repeat(130))).toBe(60);
    // Rounded up, as the family's letter editor counts it (one rule: shared/prepare/reading.ts).
    expect(readingSecondsOf('one two three')).toBe(2);
    expect(readingSecondsOf('  \n ')).toBeNull();
    expect(readingSecondsOf(null)).toBeNull();
  });
});
