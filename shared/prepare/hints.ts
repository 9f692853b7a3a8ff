// Wording hints for a letter (issue 10, section 3): labels, blame and swearing,
// each with a person-first alternative. They are hints, never blocks: the page
// highlights them and the person decides. Pure, so that the page (as the
// person types) and the server (the review's count) read the same rules.

import type { Language } from '../vocabulary.js';

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
  /** What to say instead, in each language the page speaks (issue 15). */
  suggestion: Record<Language, string>;
}

const PERSON_FIRST = {
  en: 'Use their name, or "a person struggling with substance use"',
  es: 'Use su nombre, o "una persona con un problema de consumo"',
};
const ALCOHOL = { en: 'Use their name, or "a person with an alcohol problem"', es: 'Use su nombre, o "una persona con un problema con el alcohol"' };
const SAW = { en: 'Say what you saw: "you had been drinking"', es: 'Diga lo que vio: "habías estado bebiendo"' };
const ONE_TIME = { en: 'Describe one time, with its date: "On 3 March, you…"', es: 'Describa una sola vez, con su fecha: "El 3 de marzo, tú…"' };
const FELT = { en: 'Say how it affected you: "I felt…"', es: 'Diga cómo le afectó: "Yo sentí…"' };
const WHAT_HAPPENED = { en: 'Say what happened: "you told me you had stopped"', es: 'Diga lo que pasó: "me dijiste que lo habías dejado"' };
const LEAVE_OUT = { en: 'Leave the word out and say how you felt instead', es: 'Deje fuera esa palabra y diga cómo se sintió' };

// A verb said to "tú": present, past, imperfect or future, which all end in -s or -ste ("arruinas",
// "cumpliste", "bebías", "vas"). Not the small words that end so ("es", "las", "más", "antes"), nor the
// loving promises and memories ("siempre serás", "siempre has sido", "nunca olvides"): a hint is a
// nudge, and a false alarm on a tender line teaches people to ignore them.
const NOT_BLAME = String.raw`(?:es|las|les|m[áa]s|jam[áa]s|despu[ée]s|adem[áa]s|antes|mientras|ser[áa]s|estar[áa]s|tendr[áa]s|podr[áa]s|olvides|dudes|has\s+(?:sido|estado))`;
const TU_VERB = String.raw`(?!${NOT_BLAME}${AFTER})\p{L}*(?:as|es|ás|és|ís|aste|iste)${AFTER}`;
/** The little pronouns that may stand between "siempre" and its verb: "siempre me dejas", "nunca lo haces". */
const CLITICS = String.raw`(?:\s+(?:me|te|nos|lo|la|los|las|le|les|se))*`;

// English and Spanish words both, whatever the page's language: a letter may mix them.
const RULES: readonly Rule[] = [
  { kind: 'label', pattern: String.raw`addicts?`, suggestion: PERSON_FIRST },
  { kind: 'label', pattern: String.raw`junk(?:ie|y|ies)`, suggestion: PERSON_FIRST },
  // "non-alcoholic" and "alcoholic drinks" describe drinks, not a person.
  { kind: 'label', pattern: String.raw`(?<!-)alcoholics?(?!\s+(?:drinks?|beverages?))`, suggestion: ALCOHOL },
  { kind: 'label', pattern: String.raw`drunks?|drunkards?`, suggestion: SAW },
  { kind: 'label', pattern: String.raw`liars?`, suggestion: WHAT_HAPPENED },
  { kind: 'blame', pattern: String.raw`you(?:'re|’re|\s+are)?\s+(?:always|never)`, suggestion: ONE_TIME },
  { kind: 'blame', pattern: String.raw`your\s+fault`, suggestion: FELT },
  {
    kind: 'swearing',
    pattern: String.raw`f+u+c+k[\p{L}]*|shit[\p{L}]*|bitch[\p{L}]*|bastards?|damn(?:ed|it)?|crap(?:py)?|ass(?:holes?)?|arse(?:holes?)?|piss(?:ed)?`,
    suggestion: LEAVE_OUT,
  },
  // Spanish (issue 15). "Bebida alcohólica" and "no alcohólica" describe drinks, not a person.
  { kind: 'label', pattern: String.raw`(?:drog)?adict[oa]s?|yonquis?|drogat[oa]s?|vicios[oa]s?`, suggestion: PERSON_FIRST },
  { kind: 'label', pattern: String.raw`(?<!(?:bebidas?|no)\s+)alcoh[oó]lic[oa]s?`, suggestion: ALCOHOL },
  { kind: 'label', pattern: String.raw`borrach[oa]s?|borrachín|borrachines`, suggestion: SAW },
  { kind: 'label', pattern: String.raw`mentiros[oa]s?`, suggestion: WHAT_HAPPENED },
  // Spanish drops the "tú", so blame is siempre/nunca before any verb said to "tú" (s20 finding 3).
  { kind: 'blame', pattern: String.raw`t[úu]\s+(?:siempre|nunca)|(?:siempre|nunca)${CLITICS}\s+${TU_VERB}|no${CLITICS}\s+${TU_VERB}\s+nunca`, suggestion: ONE_TIME },
  { kind: 'blame', pattern: String.raw`(?:tu|su)\s+culpa`, suggestion: FELT },
  {
    kind: 'swearing',
    pattern: String.raw`mierdas?|carajo|jod(?:er|es?|id[oa]s?)|put[oa]s?|pendej[oa]s?|cabr[oó]n(?:es)?|coño|chingad[oa]s?|maldit[oa]s?(?:\s+sea)?|hostias?|cojones|gilipollas|pinches?|idiotas?|imb[ée]cil(?:es)?|est[úu]pid[oa]s?`,
    suggestion: LEAVE_OUT,
  },
];

const MATCHERS = RULES.map((rule) => ({ rule, re: new RegExp(`${BEFORE}(?:${rule.pattern})${AFTER}`, 'giu') }));

/**
 * Every hint in `text`, in order of position; where two would overlap, the earlier (then longer) one is
 * kept. English and Spanish words are both found; `language` is that of the suggestions (issue 15).
 */
export function wordingHints(text: string, language: Language = 'en'): WordingHint[] {
  const found: WordingHint[] = [];
  for (const { rule, re } of MATCHERS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      found.push({ start, end: start + m[0].length, text: m[0], kind: rule.kind, suggestion: rule.suggestion[language] });
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
