// Issue 13, item 4: in the offer, the outcome follows from the recorded answer; nothing is assumed.
import { expect, test } from 'vitest';
import { lastAnswerToThisOffer, outcomeAfter } from '../../client/src/console/live/outcome-words.js';

test('issue 13, item 4: an accepted or declined answer proposes its outcome; a conditional answer or none proposes nothing', () => {
  expect(outcomeAfter('accepted')).toBe('accepted');
  expect(outcomeAfter('declined')).toBe('declined');
  expect(outcomeAfter('conditional')).toBeNull();
  expect(outcomeAfter(null)).toBeNull();
});

// s20 trial, finding 1: after "Present the offer again" and a decline, a reloaded console showed no
// way to end, so a third, false "Declined" was recorded. The current offer's answer comes from the view.
test('s20 trial, finding 1: the answer to the offer made again is known from the view alone, whatever the page saw before', () => {
  const first = { response: 'declined' as const, note: null, at: 1, offer: 1 };
  const again = { response: 'declined' as const, note: null, at: 2, offer: 2 };
  expect(lastAnswerToThisOffer({ phase: 'offer', offersMade: 2, responses: [first, again] })).toBe('declined');
  // Offered again, not yet answered: the decline before the bottom lines says nothing about it.
  expect(lastAnswerToThisOffer({ phase: 'offer', offersMade: 2, responses: [first] })).toBeNull();
  expect(lastAnswerToThisOffer({ phase: 'offer', offersMade: 1, responses: [first] })).toBe('declined');
  // Stored before answers named their offer: one to the first offer.
  expect(lastAnswerToThisOffer({ phase: 'offer', offersMade: 1, responses: [{ response: 'accepted', note: null, at: 1 }] })).toBe('accepted');
  expect(lastAnswerToThisOffer({ phase: 'bottom-lines', offersMade: 1, responses: [first] })).toBeNull();
});
