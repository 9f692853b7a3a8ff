// Issue 12, case 3: cleaning a guest's name (shared/names.ts), without a
// server: what is removed, what is kept, what is refused, and that cleaning
// a cleaned name changes nothing.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isReservedName, normaliseName } from '../../shared/names.js';

const cleaned = (raw: unknown) => {
  const result = normaliseName(raw);
  return result.ok ? result.name : `refused: ${result.reason}`;
};

describe('issue 12, case 3: names are cleaned', () => {
  test.each([
    ['  Aunt   May  ', 'Aunt May'],
    ['Ann\tMarie\nSmith', 'Ann Marie Smith'],
    ['Ali\u202Ece', 'Alice'], // right-to-left override
    ['\u2066Bob\u2069', 'Bob'], // isolates
    ['Cy\u200B\u200C\u200D\u2060\uFEFF', 'Cy'], // zero-width characters and the BOM
    ['Zoe\u0301', 'Zo\u00E9'], // NFC
    ['Ma\u00A0Ling\u3000Chen', 'Ma Ling Chen'], // no-break and ideographic spaces
    ['李小龙', '李小龙'],
    ['José-María O’Neil', 'José-María O’Neil'],
  ])('%j reads %j', (raw, expected) => {
    expect(cleaned(raw)).toBe(expected);
  });

  test('nothing readable left, a non-string or an over-long name is refused', () => {
    expect(cleaned('\u200B \u202E \u0007')).toBe('refused: empty');
    expect(cleaned('\u3164\u2800')).toBe('refused: empty');
    expect(cleaned(42)).toBe('refused: empty');
    expect(cleaned('x'.repeat(101))).toBe('refused: too-long');
    expect(cleaned(`${'x'.repeat(100)}\u200B\u200B`)).toBe('x'.repeat(100)); // measured after cleaning
  });

  test('cleaning a cleaned name changes nothing, and what comes out holds no control, format or doubled space', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const once = normaliseName(raw);
        if (!once.ok) return;
        expect(normaliseName(once.name)).toEqual(once);
        expect(once.name).not.toMatch(/[\p{Cc}\p{Cf}]|\s{2}|^\s|\s$/u);
      }),
      { numRuns: 500 },
    );
  });
});

describe('issue 12, case 3: reserved names', () => {
  test.each(['Facilitator', 'THE FACILITATOR', 'f.a.c.i.l.i.t.a.t.o.r', 'Faci1itat0r', 'Fаcilitator', 'Facilitatör', 'Ｆａｃｉｌｉｔａｔｏｒ', 'Host', 'admin', 'Your Interventionist', 'Threshold'])(
    '%j is reserved',
    (name) => {
      expect(isReservedName(name)).toBe(true);
      expect(cleaned(name)).toBe('refused: reserved');
    },
  );

  test.each(['Jo Hostetler', 'Adminah', 'Fatima', 'Facil Ity', 'Ann'])('%j is an ordinary name', (name) => {
    expect(isReservedName(name)).toBe(false);
  });
});
