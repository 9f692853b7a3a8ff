// Issue 11, section 6: the report's words: lengths a person reads at a glance, and each timeline
// entry as a sentence, an override naming its reason and a guest marked as one.
import { describe, expect, test } from 'vitest';
import { entryWords, lengthWords } from '../../client/src/console/report/report-words.js';

const at = 0;

describe('the meeting report in words', () => {
  test('lengths: seconds under a minute, then minutes and seconds, then hours', () => {
    expect(lengthWords(0)).toBe('0 s');
    expect(lengthWords(45)).toBe('45 s');
    expect(lengthWords(60)).toBe('1 min');
    expect(lengthWords(70)).toBe('1 min 10 s');
    expect(lengthWords(3725)).toBe('1 h 2 min');
  });

  test('turns, pauses, offers with and without an override, answers and outcomes', () => {
    const ann = { participantId: 'a', name: 'Ann', guest: false };
    expect(entryWords({ at, kind: 'turn', ...ann, round: 'letters', seconds: 70, status: 'done', endedAt: 1 })).toBe('Ann read their letter');
    expect(entryWords({ at, kind: 'turn', participantId: 'm', name: 'May', guest: true, round: 'bottom-lines', seconds: 5, status: 'skipped', endedAt: 1 }))
      .toBe('May (guest) read their bottom line (skipped)');
    expect(entryWords({ at, kind: 'pause', reason: 'outburst', phase: 'speaking', seconds: 20, endedAt: 1 })).toBe('Paused during letters: Emotions running high');
    expect(entryWords({ at, kind: 'offer', number: 1, override: null })).toBe('Offer 1 made');
    expect(entryWords({ at, kind: 'offer', number: 2, override: 'Bed held by phone' })).toBe('Offer 2 made without a confirmed place. Reason: Bed held by phone');
    expect(entryWords({ at, kind: 'objection', objectionId: 'o', words: 'I can’t leave work', responder: ann, answeredAt: 5 }))
      .toBe('Objection raised: “I can’t leave work”; Ann answered it');
    expect(entryWords({ at, kind: 'response', response: 'conditional', note: 'Outpatient only' })).toBe('Answer: Conditional. Note: Outpatient only');
    expect(entryWords({ at, kind: 'outcome', outcome: 'deferred', note: null, decideBy: '2026-12-05' })).toBe('Outcome: Will decide by a date, deciding by 2026-12-05');
  });
});
