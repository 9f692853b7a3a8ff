// The live console reads the objections' words from the case's plan (issue 9,
// section 6); when it cannot, it must fall back quietly, never break the panel.
import { describe, expect, test } from 'vitest';
import { planObjectionWords } from '../../client/src/console/live/plan-words.js';

const answer = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('planObjectionWords', () => {
  test('maps each planned objection to its words, from the plan route', async () => {
    let asked = '';
    const fetcher = (async (url: string) => {
      asked = url;
      return new Response(JSON.stringify({ objections: [{ objectionId: 'o-1', objection: "I can't leave my job", responderId: 'p', response: 'r' }] }));
    }) as unknown as typeof fetch;
    const words = await planObjectionWords('case/1', fetcher);
    expect(asked).toBe('/api/cases/case%2F1/plan');
    expect([...words]).toEqual([['o-1', "I can't leave my job"]]);
  });

  test('an error answer, a malformed body or no network give an empty map', async () => {
    expect((await planObjectionWords('c', answer(404, { error: { code: 'NOT_FOUND' } }))).size).toBe(0);
    expect((await planObjectionWords('c', answer(200, { objections: 'nope' }))).size).toBe(0);
    expect((await planObjectionWords('c', answer(200, { objections: [{ objectionId: 3 }] }))).size).toBe(0);
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    expect((await planObjectionWords('c', offline)).size).toBe(0);
  });
});
