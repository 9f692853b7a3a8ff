// The tablet's turn line (client/src/tablet/turn-words.ts).
import { describe, expect, test } from 'vitest';
import type { SpeakerStatus } from '../../shared/meeting/context.js';
import type { Phase } from '../../shared/meeting/context.js';
import { turnWords } from '../../client/src/tablet/turn-words.js';

const person = (participantId: string, name: string, status: SpeakerStatus) => ({ participantId, name, guest: false, status });

function facts(phase: Phase, me: string, currentSpeakerId: string | null, statuses: SpeakerStatus[]) {
  const names = ['Ann', 'Bob', 'Cy'];
  return {
    phase,
    currentSpeakerId,
    speakingOrder: statuses.map((s, i) => person(`p-${names[i]!.toLowerCase()}`, names[i]!, s)),
    you: { participantId: me, name: '', admitted: true, ready: true },
  };
}

describe('the tablet’s turn line', () => {
  test('issue 13, item 12: during the opening the first reader is told they are next, and nobody else is', () => {
    expect(turnWords(facts('opening', 'p-ann', null, ['waiting', 'waiting', 'waiting']))).toEqual({ state: 'next', words: 'You’re next' });
    expect(turnWords(facts('opening', 'p-bob', null, ['waiting', 'waiting', 'waiting']))).toEqual({ state: 'none', words: '' });
  });

  test('in the letters: your turn, you are next, or who is speaking', () => {
    const order: SpeakerStatus[] = ['speaking', 'waiting', 'waiting'];
    expect(turnWords(facts('speaking', 'p-ann', 'p-ann', order)).words).toBe('It’s your turn');
    expect(turnWords(facts('speaking', 'p-bob', 'p-ann', order)).words).toBe('You’re next');
    expect(turnWords(facts('speaking', 'p-cy', 'p-ann', order)).words).toBe('Ann is speaking');
  });

  test('with nobody at the floor between turns, and in the gathering or the offer, the line is empty', () => {
    expect(turnWords(facts('speaking', 'p-bob', null, ['done', 'waiting', 'waiting'])).state).toBe('none');
    expect(turnWords(facts('gathering', 'p-ann', null, ['waiting', 'waiting', 'waiting'])).state).toBe('none');
    expect(turnWords(facts('offer', 'p-ann', null, ['done', 'done', 'done'])).state).toBe('none');
  });
});
