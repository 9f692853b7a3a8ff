// Issue 14 (helper B, the publish path's CPU): the v2 publisher decides whether
// a part is news by asking whether it would be sent as the same JSON, without
// stringifying it. A wrong "same" would keep a change from someone's screen, a
// wrong "different" would send a part the client already holds: both are
// changes to what clients receive. So `sameJson` must agree with comparing
// JSON.stringify's output exactly, including its corners (left-out keys, key
// order, null for NaN, Dates).
import { expect, test } from 'vitest';
import { sameFieldsJson, sameJson } from '../../server/meetings/same-json.js';

const byStringify = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const CORNERS: Array<[unknown, unknown]> = [
  [{ a: 1, b: 2 }, { b: 2, a: 1 }], // key order is in the JSON
  [{ a: 1, b: undefined }, { a: 1 }], // undefined keys are left out
  [{ a: 1, f: () => 1 }, { a: 1 }],
  [[undefined], [null]], // in an array, written as null
  [[() => 1], [null]],
  [{ n: NaN }, { n: null }],
  [{ n: Infinity }, { n: -Infinity }],
  [{ n: 0 }, { n: -0 }],
  [{ n: 1 }, { n: '1' }],
  [{ d: new Date(5) }, { d: new Date(5).toISOString() }],
  [{ d: new Date(5) }, { d: new Date(6) }],
  [[], {}],
  [{ a: [] }, { a: {} }],
  [{ a: null }, { a: {} }],
  [{ s: 'é' }, { s: 'e\u0301' }],
  [undefined, () => 1],
  [undefined, null],
  [{ a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'x' }] } }],
  [{ a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }],
  [{ a: [1, 2] }, { a: [1, 2, 3] }],
  [new Map([[1, 2]]), {}],
];

test('issue 14 (publish CPU): sameJson agrees with comparing JSON.stringify at its corners', () => {
  for (const [a, b] of CORNERS) {
    expect(sameJson(a, b), JSON.stringify([a, b])).toBe(byStringify(a, b));
    expect(sameJson(b, a)).toBe(byStringify(b, a));
  }
});

/** A small deterministic generator of JSON-ish values, with the corners mixed in. */
function values(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const leaves = [null, undefined, 0, -0, 1, NaN, Infinity, '', 'a', 'b', true, false];
  const value = (depth: number): unknown => {
    const r = next();
    if (depth > 2 || r < 0.5) return leaves[Math.floor(next() * leaves.length)];
    const keys = ['a', 'b', 'c'].filter(() => next() < 0.6);
    if (r < 0.75) return keys.map(() => value(depth + 1));
    return Object.fromEntries((next() < 0.5 ? keys : keys.reverse()).map((k) => [k, value(depth + 1)]));
  };
  return value;
}

test('issue 14 (publish CPU): sameJson agrees with comparing JSON.stringify on many generated pairs', () => {
  const value = values(14);
  let same = 0;
  for (let i = 0; i < 20_000; i++) {
    const a = value(0);
    const b = value(0);
    expect(sameJson(a, b), JSON.stringify([a, b])).toBe(byStringify(a, b));
    if (byStringify(a, b)) same++;
  }
  // Both answers occurred often enough for the agreement to mean something.
  expect(same).toBeGreaterThan(500);
});

test('issue 14 (publish CPU): sameFieldsJson leaves the stamp out of both, and only the stamp', () => {
  const stamp = new Set(['revision', 'serverTime']);
  const part = { meetingId: 'm', revision: 3, serverTime: 10, allowed: ['turn.done'] };
  expect(sameFieldsJson(part, { ...part, revision: 4, serverTime: 11 }, stamp)).toBe(true);
  expect(sameFieldsJson(part, { ...part, allowed: [] }, stamp)).toBe(false);
  expect(sameFieldsJson(part, { meetingId: 'm', allowed: ['turn.done'] }, stamp)).toBe(true);
  expect(sameFieldsJson(part, { allowed: ['turn.done'], meetingId: 'm' }, stamp)).toBe(false);
});
