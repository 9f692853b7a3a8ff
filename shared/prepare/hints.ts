// Wording hints for a letter (issue 10, section 3): labels, blame and swearing,
// each with a person-first alternative. They are hints, never blocks: the page
// highlights them and the person decides. Pure, so that the page (as the
// person types) and the server (the review's count) read the same rules.

export type HintKind = 'label' | 'blame' | 'swearing';

/** One hint: `text` is `letter.slice(start, end)` (UTF-16 offsets), `suggestion` what to say instead. */
export interface WordingHint {
  start: number;
  end: number;
  text: string;
  kind: HintKind;
  suggestion: string;
}

// A whole word: no letter or digit just before or after, so "assess" is not "ass" and "addiction" not "addict".
const BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
const AFTER = String.raw`(?![\p{L}\p{N}_])`;

interface Rule {
  kind: HintKind;
  /** The pattern's body; wrapped in word boundaries and matched case-insensitively. */
  pattern: string;
  suggestion: string;
}

const PERSON_FIRST = 'Use their name, or "a person struggling with substance use"';

const RULES: readonly Rule[] = [
  { kind: 'label', pattern: String.raw`addicts?`, suggestion: PERSON_FIRST },
  { kind: 'label', pattern: String.raw`junk(?:ie|y|ies)`, suggestion: PERSON_FIRST },
  // "non-alcoholic" and "alcoholic drinks" describe drinks, not a person.
  { kind: 'label', pattern: String.raw`(?<!-)alcoholics?(?!\s+(?:drinks?|beverages?))`, suggestion: 'Use their name, or "a person with an alcohol problem"' },
  { kind: 'label', pattern: String.raw`drunks?|drunkards?`, suggestion: 'Say what you saw: "you had been drinking"' },
  { kind: 'blame', pattern: String.raw`you(?:'re|’re|\s+are)?\s+(?:always|never)`, suggestion: 'Describe one time, with its date: "On 3 March, you…"' },
  { kind: 'blame', pattern: String.raw`your\s+fault`, suggestion: 'Say how it affected you: "I felt…"' },
  {
    kind: 'swearing',
    pattern: String.raw`f+u+c+k[\p{L}]*|shit[\p{L}]*|bitch[\p{L}]*|bastards?|damn(?:ed|it)?|crap(?:py)?|ass(?:holes?)?|arse(?:holes?)?|piss(?:ed)?`,
    suggestion: 'Leave the word out and say how you felt instead',
  },
];

const MATCHERS = RULES.map((rule) => ({ rule, re: new RegExp(`${BEFORE}(?:${rule.pattern})${AFTER}`, 'giu') }));

/** Every hint in `text`, in order of position; where two would overlap, the earlier (then longer) one is kept. */
export function wordingHints(text: string): WordingHint[] {
  const found: WordingHint[] = [];
  for (const { rule, re } of MATCHERS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      found.push({ start, end: start + m[0].length, text: m[0], kind: rule.kind, suggestion: rule.suggestion });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: WordingHint[] = [];
  for (const hint of found) {
    const last = kept[kept.length - 1];
    if (!last || hint.start >= last.end) kept.push(hint);
  }
  return kept;
}
