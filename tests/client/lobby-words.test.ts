// Issue 13, item 18: the remote lobby says whose meeting it is and who lets people in, and someone
// sent back to wait reads different words from a first arrival; a meeting from before the names
// keeps its general words.
import { describe, expect, test } from 'vitest';
import { lobbyWords, type Part } from '../../client/src/join/lobby-words.js';

const plain = (parts: Part[]) => parts.map((p) => ('name' in p ? p.name : p.text)).join('');
const names = (parts: Part[]) => parts.flatMap((p) => ('name' in p ? [p.name] : []));
const both = { lovedOne: 'Sam', facilitator: 'Dana' };

describe('the lobby in words', () => {
  test('a first arrival: hello by name, whose meeting, who lets them in; the names kept apart for their direction', () => {
    const w = lobbyWords(both, 'Cy', false);
    expect(plain(w.heading)).toBe('Hello, Cy');
    expect(plain(w.lead)).toBe('Sam’s family meeting. Dana will let you in.');
    expect(names(w.lead)).toEqual(['Sam', 'Dana']);
  });

  test('sent back: not greeted as a first arrival, and told who will bring them back', () => {
    const w = lobbyWords(both, 'Cy', true);
    expect(plain(w.heading)).toBe('You’re in the waiting room for now');
    expect(plain(w.lead)).toBe('Sam’s family meeting. Dana has asked you to wait here for a little while, and will bring you back in.');
    expect(w.more).not.toBe(lobbyWords(both, 'Cy', false).more);
  });

  test('a meeting made before the names, or with one of them: the general words where a name is missing', () => {
    expect(plain(lobbyWords(undefined, '', false).lead)).toBe('The facilitator will let you in shortly.');
    expect(plain(lobbyWords(undefined, '', false).heading)).toBe('Hello');
    expect(plain(lobbyWords({ lovedOne: null, facilitator: 'Dana' }, 'Cy', false).lead)).toBe('Dana will let you in.');
    expect(plain(lobbyWords({ lovedOne: 'Sam', facilitator: null }, 'Cy', true).lead)).toBe(
      'Sam’s family meeting. The facilitator has asked you to wait here for a little while, and will bring you back in.',
    );
  });
});
