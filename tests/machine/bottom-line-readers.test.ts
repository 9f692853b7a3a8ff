// Issue 13, item 11: the bottom-lines round calls only the people who have a bottom line.
import { describe, expect, test } from 'vitest';
import { notAllowedMessage } from '../../shared/meeting/messages.js';
import { canApply, createMeeting, replay } from '../../shared/meeting/agenda.js';
import { ev, meetingInput } from '../helpers/events.js';
import { ANN, BOB, CY, MIN, T, eventsTo, play, restart, step } from './support.js';

const toDecline = eventsTo('offer').concat(ev({ type: 'offer.respond', response: 'declined' }, T + 11 * MIN));
const begin = ev({ type: 'bottomLines.begin' }, T + 12 * MIN);

describe('issue 13, item 11: the bottom-lines round holds only people with a bottom line', () => {
  test('issue 13, item 11, case 1: someone without a bottom line is left out of the round and never called', () => {
    const input = meetingInput({ bottomLineReaders: [BOB, CY] });
    const s = step(play(toDecline, input), begin);
    expect(s.context.speakingOrder.map((t) => t.participantId)).toEqual([BOB, CY]);
    expect(s.context.currentSpeakerId).toBe(BOB);
    // The letters round is kept whole.
    expect(s.context.lettersRound?.map((t) => t.participantId)).toEqual([ANN, BOB, CY]);
  });

  test('issue 13, item 11, case 2: the round keeps the letters order, not the readers list order', () => {
    const s = step(play(toDecline, meetingInput({ bottomLineReaders: [CY, ANN] })), begin);
    expect(s.context.speakingOrder.map((t) => t.participantId)).toEqual([ANN, CY]);
  });

  test('issue 13, item 11, case 3: with nobody holding a bottom line the round cannot begin, and the words say why', () => {
    const s = play(toDecline, meetingInput({ bottomLineReaders: [] }));
    expect(canApply(s, begin)).toBe(false);
    expect(notAllowedMessage('bottomLines.begin', 'offer', s.context)).toBe('Nobody in this meeting has a bottom line to read');
  });

  test('issue 13, item 11, case 4: an input from before the list (no field) still calls everyone, and replays the same', () => {
    const input = meetingInput();
    expect('bottomLineReaders' in createMeeting(input).context).toBe(false);
    const s = step(play(toDecline, input), begin);
    expect(s.context.speakingOrder.map((t) => t.participantId)).toEqual([ANN, BOB, CY]);
    expect(replay(input, [...toDecline, begin]).context).toEqual(s.context);
  });

  test('issue 13, item 11, case 5: the readers survive a restart', () => {
    const s = restart(play(toDecline, meetingInput({ bottomLineReaders: [CY] })));
    expect(step(s, begin).context.speakingOrder.map((t) => t.participantId)).toEqual([CY]);
  });
});
