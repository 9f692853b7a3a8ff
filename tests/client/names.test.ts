// Issue 12, case 3: every screen shows a guest as one, so that a guest "Ann"
// and the planned Ann read differently in the order, on the display and in
// the console.
import { expect, test } from 'vitest';
import { shownName } from '../../client/src/lib/words.js';

test('a guest reads "Name (guest)"; a planned participant reads their name alone', () => {
  expect(shownName({ name: 'Ann', guest: true })).toBe('Ann (guest)');
  expect(shownName({ name: 'Ann', guest: false })).toBe('Ann');
  expect(shownName({ name: 'Ann', guest: true })).not.toBe(shownName({ name: 'Ann', guest: false }));
});
