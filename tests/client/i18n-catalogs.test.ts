// The message catalogs (issue 15): every key in both languages with the same placeholders, Spanish
// written person-first, and no literal words left in the Svelte files a family member sees.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogProblems, consoleCatalogProblems, duplicateKeys, literalText, placeholders } from './i18n-check.js';

const root = join(import.meta.dirname, '../..');
/** A catalog: the family pages' (`area` empty) or the console's (`console`, `case`), in one language. */
const catalog = (locale: string, area = '') =>
  JSON.parse(readFileSync(join(root, 'client/i18n/messages', area, `${locale}.json`), 'utf8')) as Record<string, string>;
const CONSOLE_AREAS = ['console', 'case'];

describe('the message catalogs', () => {
  test('issue 15: English and Spanish have the same keys, none empty, with the same placeholders', () => {
    expect(catalogProblems(catalog('en'), catalog('es'))).toEqual([]);
  });

  test('issue 15: the console catalogs: English whole; Spanish, where given, matches; no key in two files', () => {
    for (const area of CONSOLE_AREAS) expect(consoleCatalogProblems(catalog('en', area), catalog('es', area))).toEqual([]);
    expect(duplicateKeys([catalog('en'), ...CONSOLE_AREAS.map((a) => catalog('en', a))])).toEqual([]);
  });

  test('issue 15: the check itself catches a missing key and a placeholder that differs', () => {
    expect(catalogProblems({ a: 'Hi {name}', b: 'Bye' }, { a: 'Hola' })).toEqual([
      'a: placeholders differ (en {name}, es none)',
      'b: missing in es',
    ]);
    expect(catalogProblems({ a: 'x' }, { a: 'y', c: '' })).toEqual(['c: missing in en', 'c: empty in es']);
    expect(placeholders('{count} of {total}')).toEqual(['{count}', '{total}']);
    expect(consoleCatalogProblems({ a: 'Hi {name}', b: 'Bye', c: ' ' }, { a: 'Hola', d: 'x' })).toEqual([
      'c: empty in en',
      'a: placeholders differ (en {name}, es none)',
      'd: missing in en',
    ]);
    expect(duplicateKeys([{ a: 'x', b: 'y' }, { b: 'z' }])).toEqual(['b']);
  });

  test('issue 15: the Spanish is person-first: never "adicto" or "alcohólico" as a label', () => {
    const words = Object.values(catalog('es')).join(' ').toLowerCase();
    expect(words).not.toMatch(/\badict[oa]s?\b|\balcoh[oó]lic[oa]s?\b|\bdrogadict/);
  });
});

describe('the family pages', () => {
  const dirs = ['tablet', 'join', 'display', 'prepare', 'consent'].map((d) => join(root, 'client/src', d));
  // The shared pieces those pages show (the console's own lib pieces stay English until last).
  const shared = ['AgendaStepper', 'Breathing', 'ConnectionBanner', 'CrisisScreen', 'LanguageSwitch', 'NoLink', 'Notice', 'RehearsalMark', 'SaveStatus', 'SpeakingOrder']
    .map((n) => join(root, 'client/src/lib', `${n}.svelte`));
  const files = [...dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.svelte')).map((f) => join(d, f))), ...shared];

  test('issue 15: no literal words in their Svelte markup: every word comes from the catalogs', () => {
    const found = files.flatMap((f) => literalText(readFileSync(f, 'utf8')).map((t) => `${f.slice(root.length + 1)}: ${t}`));
    expect(found).toEqual([]);
  });

  test('issue 15: the check itself finds words between tags and in attributes people hear', () => {
    expect(literalText('<script>let a = "x";</script><h1>Hello</h1><p>{m.x()}</p>')).toEqual(['Hello']);
    expect(literalText('<div aria-label="Text size">A−</div><!-- a comment -->')).toEqual(['aria-label="Text size"']);
  });
});
