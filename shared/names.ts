// A guest's name as the meeting shows it. Anyone holding the shared remote
// link chooses their own name, so the name is cleaned before anyone sees it:
// nothing invisible, nothing that reorders the text around it, and nothing
// that passes for the facilitator (issue 12, case 3). Pure and dependency-free,
// so the server and, if it wants, a join page can use it.
import { LIMITS } from './vocabulary.js';

export type NameCheck =
  | { ok: true; name: string }
  /** `empty`: nothing readable is left; `too-long`: over LIMITS.name; `reserved`: passes for the facilitator or the system. */
  | { ok: false; reason: 'empty' | 'too-long' | 'reserved' };

/**
 * Control characters (Cc), format characters (Cf: bidirectional overrides, embeddings, isolates
 * and marks, zero-width spaces and joiners, the BOM, soft hyphens, tag characters), and the blank
 * "letters" that render as nothing (Hangul fillers, the braille blank, the combining grapheme joiner).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u034F\u115F\u1160\u2800\u3164\uFFA0]/gu;
/** The control characters that separate words: tab, line and paragraph breaks. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** Every kind of space and line break, collapsed to one plain space. */
const SPACES = /[\s\p{Zs}\p{Zl}\p{Zp}]+/gu;

/**
 * Clean a typed name: Unicode NFC; line and paragraph breaks become spaces; control, bidi and
 * zero-width characters are removed; runs of spaces collapse to one; the ends are trimmed.
 * Then refuse it if nothing is left, if it is longer than LIMITS.name (UTF-16 units, after
 * cleaning), or if it is a reserved name (see isReservedName). Never throws; a non-string is `empty`.
 */
export function normaliseName(raw: unknown): NameCheck {
  if (typeof raw !== 'string') return { ok: false, reason: 'empty' };
  // Tabs and breaks become spaces first, so that "Ann\tMarie" reads "Ann Marie", not "AnnMarie", once controls go.
  const name = raw.normalize('NFC').replace(BREAKS, ' ').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
  if (name.length === 0) return { ok: false, reason: 'empty' };
  if (name.length > LIMITS.name) return { ok: false, reason: 'too-long' };
  if (isReservedName(name)) return { ok: false, reason: 'reserved' };
  return { ok: true, name };
}

/** Words that name the person running the meeting, or the software: refused wherever they appear in a name. */
const RESERVED_ANYWHERE = ['facilitator', 'interventionist', 'moderator', 'administrator', 'threshold'];
/** Shorter words refused only as a whole word, so that "Hostetler" or "Adminah" stay possible. */
const RESERVED_WORDS = ['admin', 'host', 'organizer', 'organiser', 'system', 'staff', 'chair', 'chairperson'];

/**
 * Letters that look alike folded to one: digits and signs used as letters, and the Cyrillic and
 * Greek letters that look Latin. `i`, `l`, `1`, `|` and `!` all fold to `i`, so "Faci1itator" and
 * "Facilitator" meet; the reserved words are folded the same way before comparing.
 */
const LOOKALIKES: Record<string, string> = {
  '0': 'o', '1': 'i', l: 'i', '|': 'i', '!': 'i', '3': 'e', '4': 'a', '@': 'a', '5': 's', $: 's', '7': 't', '8': 'b',
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ӏ: 'i', ј: 'j', ѕ: 's',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'm', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};

/** Lower case, compatibility forms and accents folded away, look-alikes folded: the words of a name, for comparing only. */
function foldedWords(name: string): string[] {
  const plain = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const folded = [...plain].map((ch) => LOOKALIKES[ch] ?? ch).join('');
  return folded.split(/[^a-z]+/).filter(Boolean);
}

const fold = (word: string) => foldedWords(word).join('');
const ANYWHERE = RESERVED_ANYWHERE.map(fold);
const WORDS = new Set(RESERVED_WORDS.map(fold));

/**
 * Whether a name passes for the facilitator or the software, case-insensitively and through the
 * obvious disguises: "FACILITATOR", "The Facilitator", "F a c i l i t a t o r", "Faci1itator",
 * "Facilitatör", a Cyrillic "а" in "Fаcilitator", "Host", "Admin (real)".
 */
export function isReservedName(name: string): boolean {
  const words = foldedWords(name);
  const squashed = words.join('');
  return ANYWHERE.some((reserved) => squashed.includes(reserved)) || words.some((word) => WORDS.has(word));
}

/**
 * The first name in a full name as the facilitator typed it ("Sam Rivera" gives "Sam"): its first
 * word after cleaning, at most 40 characters; null when nothing readable is left. For words such as
 * the lobby's "Sam’s family meeting" (issue 13, item 18), which need no surname.
 */
export function firstName(full: string): string | null {
  // Cleaned as a guest's name is, but never refused: the facilitator typed it, and may be called "Chair".
  const cleaned = full.normalize('NFC').replace(BREAKS, ' ').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
  const first = cleaned.split(' ')[0]!.slice(0, 40);
  return first === '' ? null : first;
}
