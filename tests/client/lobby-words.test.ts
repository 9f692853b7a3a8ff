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

// Issue 15: the lobby's words come from the catalogs, so a Spanish lobby reads Spanish, with the
// names still kept apart wherever the Spanish sentence puts them.
describe('the lobby in Spanish', () => {
  test('issue 15, lobby case 1: a first arrival in Spanish, the names isolated where Spanish puts them', () => {
    const w = lobbyWords(both, 'Cy', false, 'es');
    expect(plain(w.heading)).toBe('Hola, Cy');
    expect(names(w.heading)).toEqual(['Cy']);
    expect(plain(w.lead)).toBe('Reunión familiar de Sam. Dana le hará pasar.');
    expect(names(w.lead)).toEqual(['Sam', 'Dana']);
    expect(w.more).toBe('Puede dejar esta página abierta. Gracias por acompañarnos.');
  });

  test('issue 15, lobby case 2: sent back, and the general words, in Spanish', () => {
    const w = lobbyWords(both, 'Cy', true, 'es');
    expect(plain(w.heading)).toBe('Por ahora está en la sala de espera');
    expect(plain(w.lead)).toBe('Reunión familiar de Sam. Dana le ha pedido que espere aquí un momento, y le hará pasar de nuevo.');
    expect(plain(lobbyWords(undefined, '', false, 'es').lead)).toBe('Su especialista en intervención le hará pasar en breve.');
    expect(plain(lobbyWords({ lovedOne: 'Sam', facilitator: null }, 'Cy', true, 'es').lead)).toBe(
      'Reunión familiar de Sam. Su especialista en intervención le ha pedido que espere aquí un momento, y le hará pasar de nuevo.',
    );
  });

  test('issue 15, lobby case 3: a name that looks like a placeholder stays one name, in its place', () => {
    const w = lobbyWords({ lovedOne: '{name}', facilitator: 'דנה' }, '', false, 'en');
    expect(names(w.lead)).toEqual(['{name}', 'דנה']);
    expect(plain(w.lead)).toBe('{name}’s family meeting. דנה will let you in.');
  });
});
