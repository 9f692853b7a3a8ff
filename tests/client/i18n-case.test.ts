// The case file, the letters' review, the practice pages and the meeting report take every word
// from the case catalog (issue 15, the console part: "its strings go through the same catalogs, so a
// translation needs no code change"). The console stays English; these pin that no literal word
// comes back into the markup of those Svelte files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { literalText } from './i18n-check.js';

const root = join(import.meta.dirname, '../..');
const AREAS = ['case', 'letters', 'practice', 'report'];
const files = AREAS.flatMap((area) => {
  const dir = join(root, 'client/src/console', area);
  return readdirSync(dir).filter((f) => f.endsWith('.svelte')).map((f) => join(dir, f));
});

// Props of the console's own components whose value is shown or spoken (Confirm's button, a QR
// code's label): literalText looks at HTML's spoken attributes only, so these are checked here.
const SHOWN_PROPS = /<[A-Z][\w.]*\b[^>]*?\s(label|title|confirmLabel|message)="([^"{]*[A-Za-z]{2,}[^"]*)"/g;

/** Literal words given to a component's shown props (`confirmLabel="Remove"`), as `prop="words"`. */
function literalProps(source: string): string[] {
  const markup = source.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
  return [...markup.matchAll(SHOWN_PROPS)].map((p) => `${p[1]}="${p[2]}"`);
}

describe('the case file, letters, practice and report pages', () => {
  test('issue 15: there are Svelte files to check in each area (a moved folder would pass silently)', () => {
    for (const area of AREAS) expect(files.some((f) => f.includes(`/console/${area}/`)), area).toBe(true);
  });

  test('issue 15: no literal words in their markup or spoken attributes: every word comes from the catalog', () => {
    const found = files.flatMap((f) => literalText(readFileSync(f, 'utf8')).map((t) => `${f.slice(root.length + 1)}: ${t}`));
    expect(found).toEqual([]);
  });

  test('issue 15: no literal words in the shown props of the console components they use', () => {
    const found = files.flatMap((f) => literalProps(readFileSync(f, 'utf8')).map((t) => `${f.slice(root.length + 1)}: ${t}`));
    expect(found).toEqual([]);
  });

  test('issue 15: the props check itself finds literal words, and lets expressions and values through', () => {
    expect(literalProps('<Confirm title={m.x()} confirmLabel="Call it off" danger>')).toEqual(['confirmLabel="Call it off"']);
    expect(literalProps('<QrCode {url} label="QR code of {name}\'s link" />')).toEqual(['label="QR code of {name}\'s link"']);
    expect(literalProps('<PartReview part="letter" label={m.y()} /><button title="x">')).toEqual([]);
  });
});

describe('the console words for the shared vocabulary', () => {
  // The browser tests find elements by these exact English words: the catalog's copy must not drift
  // from the shared tables (issue 15: "keep behaviour identical").
  test('issue 15: every stage, reason, role, level of care, follow-up and basis reads as the shared English', async () => {
    const shared = await import('../../shared/case/vocabulary.js');
    const after = await import('../../shared/case/aftercare-vocabulary.js');
    const practice = await import('../../shared/practice.js');
    const screeners = await import('../../shared/screeners/catalog.js');
    const words = await import('../../client/src/console/case/vocabulary-words.js');
    const practiceWords = await import('../../client/src/console/practice/words.js');
    expect({ ...words.STAGE_LABELS }).toEqual(shared.STAGE_LABELS);
    expect({ ...words.CANCEL_REASON_WORDS }).toEqual(shared.CANCEL_REASON_WORDS);
    expect({ ...words.ROLE_WORDS }).toEqual(shared.ROLE_WORDS);
    expect({ ...words.LEVEL_OF_CARE_LABELS }).toEqual(shared.LEVEL_OF_CARE_LABELS);
    expect(words.objectionExamples()).toEqual([...shared.OBJECTION_EXAMPLES]);
    expect({ ...words.COMMITMENT_STATUS_WORDS }).toEqual(after.COMMITMENT_STATUS_WORDS);
    expect({ ...words.FOLLOW_UP_KIND_WORDS }).toEqual(after.FOLLOW_UP_KIND_WORDS);
    expect({ ...practiceWords.ROLE_WORDS }).toEqual(practice.ROLE_WORDS);
    for (const basis of ['self-report', 'informant-estimate'] as const) expect(words.basisWords(basis)).toBe(screeners.basisWords(basis));
  });
});
