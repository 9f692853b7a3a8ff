// Newcomer's trial, family finding 6: the Spanish pages called the interventionist both "el
// facilitador" and "especialista en intervención". One term everywhere: "su especialista en
// intervención", the accurate one (the preparation modules in shared/prepare/spanish.ts already say
// it), made warm by "su" (the person's own), and the same for a woman or a man.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const es = JSON.parse(readFileSync(new URL('../../client/i18n/messages/es.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('the interventionist, in Spanish', () => {
  test('family finding 6: es.json never says "facilitador", and names the interventionist one way', () => {
    const other = Object.entries(es).filter(([, words]) => /facilitador/i.test(words));
    expect(other).toEqual([]);
    expect(es.moment_told).toBe('Se ha avisado a su especialista en intervención, con discreción.');
    expect(es.lobby_soon).toBe('Su especialista en intervención le hará pasar en breve.');
  });
});
