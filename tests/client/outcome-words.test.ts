// Issue 13, item 4: in the offer, the outcome follows from the recorded answer; nothing is assumed.
import { expect, test } from 'vitest';
import { outcomeAfter } from '../../client/src/console/live/outcome-words.js';

test('issue 13, item 4: an accepted or declined answer proposes its outcome; a conditional answer or none proposes nothing', () => {
  expect(outcomeAfter('accepted')).toBe('accepted');
  expect(outcomeAfter('declined')).toBe('declined');
  expect(outcomeAfter('conditional')).toBeNull();
  expect(outcomeAfter(null)).toBeNull();
});
