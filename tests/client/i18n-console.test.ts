// Issue 15, the console's frame and live meeting: the console stays English, but its words come from
// the catalogs (client/i18n/messages/console/en.json), so a translation needs no code change. This
// fails when a Svelte file of that area has literal words in its markup or in an attribute people
// hear (aria-label, title, placeholder, alt). The case file, letters, practice and report
// (client/src/console/{case,letters,practice,report}) are checked on their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { literalText } from './i18n-check.js';
import { minutesLeftWords } from '../../client/src/console/session-limit.js';
import { timeLeftWords } from '../../client/src/console/idle.js';
import { devicesWords } from '../../client/src/console/shown-links.js';
import { OFFER_PLACE_WORDS } from '../../client/src/console/live/offer-place-words.js';
import { partsOf } from '../../client/src/join/lobby-words.js';
import { m } from '../../client/src/paraglide/messages.js';

const root = join(import.meta.dirname, '../..');
const svelteIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.svelte'))
    .map((f) => join(dir, f));
const catalog = JSON.parse(readFileSync(join(root, 'client/i18n/messages/console/en.json'), 'utf8')) as Record<string, string>;

describe("the console's frame, live meeting and shared pieces", () => {
  // The top of client/src/console (App, Auth, Cases, CaseDetail, MeetingPage, Links, ...), the live
  // meeting, and every shared piece in client/src/lib (the console shows Confirm and SignalAlert;
  // the family pages' pieces are checked in i18n-catalogs.test.ts too).
  const files = [...svelteIn('client/src/console'), ...svelteIn('client/src/console/live'), ...svelteIn('client/src/lib')];

  test('issue 15, console: the area has files to check (a renamed folder would empty the list)', () => {
    expect(files).toContain('client/src/console/App.svelte');
    expect(files).toContain('client/src/console/live/LivePanel.svelte');
    expect(files).toContain('client/src/lib/SignalAlert.svelte');
    expect(files.length).toBeGreaterThan(35);
  });

  test('issue 15, console: no literal words in their Svelte markup or spoken attributes', () => {
    const found = files.flatMap((f) => literalText(readFileSync(join(root, f), 'utf8')).map((t) => `${f}: ${t}`));
    expect(found).toEqual([]);
  });

  test('issue 15, console: the check catches what this area had (a placeholder, words around a key)', () => {
    expect(literalText('<input placeholder="https://" />')).toEqual(['placeholder="https://"']);
    expect(literalText('<button>Resume <kbd>R</kbd></button>')).toEqual(['Resume']);
    expect(literalText('<button>{m.live_pause_resume()} <kbd>R</kbd></button>')).toEqual([]);
  });

  test('issue 15, console: its keys are named for their area (console_… or live_…)', () => {
    const keys = Object.keys(catalog).filter((k) => k !== '$schema');
    expect(keys.filter((k) => !/^(console|live)_[a-z0-9_]+$/.test(k))).toEqual([]);
  });

  test('issue 15, console: words built in code come from the catalog, in the same English as before', () => {
    // The browser tests find the console's controls by these words, so not a character may change.
    expect(timeLeftWords(60_000)).toBe('about a minute');
    expect(timeLeftWords(30_000)).toBe('about 30 seconds');
    expect(minutesLeftWords(5 * 60_000)).toBe('about 5 minutes');
    expect(minutesLeftWords(20_000)).toBe('less than a minute');
    expect(devicesWords(1)).toBe('1 device');
    expect(devicesWords(3)).toBe('3 devices');
    expect(OFFER_PLACE_WORDS.overrideOpen).toBe('Make the offer anyway…');
    expect(OFFER_PLACE_WORDS.unplanned).toBe(catalog.live_offer_place_unplanned);
    // The colleagues' sentence, split so their names show in bold where the language puts them.
    expect(partsOf(m.live_colleagues, { names: 'Eli, Dana' })).toEqual([
      { text: 'Also running this meeting: ' },
      { name: 'Eli, Dana' },
      { text: '. Either of you can act; the activity record names who did.' },
    ]);
  });
});
