// The remote lobby's words (issue 13, item 18; issue 15), from the message catalogs: whose meeting
// it is and who lets people in, different for someone sent back to wait than for a first arrival.
// A sentence with names is asked of the catalog with a sentinel in place of each name and split on
// them, so that the page can isolate each name's direction (`<bdi>`) wherever the language puts it.
import type { LobbyWelcome } from '../../../shared/meeting/view.js';
import type { Language } from '../../../shared/vocabulary.js';
import { m } from '../paraglide/messages.js';

/** The guest's name refusals, which only the remote lobby meets (so the tablet does not carry them). */
export const NAME_REFUSALS = { NAME_REQUIRED: m.refusal_name_required, NAME_RESERVED: m.refusal_name_reserved };

/** A sentence in parts: plain text, or a person's name to show isolated (`<bdi>`). */
export type Part = { text: string } | { name: string };

export interface LobbyWords {
  heading: Part[];
  lead: Part[];
  more: string;
}

type Options = { locale?: Language };

// Private-use characters: never typed in a name or written in a catalog.
const MARK = '\u{E000}';
const SPLIT = new RegExp(`${MARK}(\\d+)${MARK}`);

/**
 * `message` in parts, each of `names` (placeholder → a person's name) as a name part where the
 * language puts it; a sentence without names is one text part.
 */
export function partsOf<K extends string>(message: (inputs: Record<K, string>, options?: Options) => string, names: Record<K, string>, options: Options = {}): Part[] {
  const keys = Object.keys(names) as K[];
  const marked = Object.fromEntries(keys.map((k, i) => [k, `${MARK}${i}${MARK}`])) as Record<K, string>;
  return message(marked, options)
    .split(SPLIT)
    .flatMap((piece, i): Part[] => (i % 2 === 1 ? [{ name: names[keys[Number(piece)]!] }] : piece ? [{ text: piece }] : []));
}

const text = (words: string): Part[] => [{ text: words }];

/**
 * The lobby's heading and sentences for `welcome` (absent for a meeting made before it knew the
 * names), greeting `yourName` on a first arrival; `back` for someone the facilitator sent back.
 * `locale` is for the tests; the page's messages follow its language (client/src/lib/i18n.svelte.ts).
 */
export function lobbyWords(welcome: LobbyWelcome | undefined, yourName: string, back: boolean, locale?: Language): LobbyWords {
  const options: Options = locale ? { locale } : {};
  const lovedOne = welcome?.lovedOne ?? null;
  const facilitator = welcome?.facilitator ?? null;
  const whose = lovedOne ? [...partsOf(m.lobby_whose, { name: lovedOne }, options), { text: ' ' }] : [];
  if (back) {
    return {
      heading: text(m.lobby_back_title({}, options)),
      lead: [...whose, ...(facilitator ? partsOf(m.lobby_back_named, { name: facilitator }, options) : text(m.lobby_back_body({}, options)))],
      more: m.lobby_back_note({}, options),
    };
  }
  return {
    heading: yourName ? partsOf(m.lobby_hello_name, { name: yourName }, options) : text(m.lobby_hello({}, options)),
    lead: [...whose, ...(facilitator ? partsOf(m.lobby_let_in, { name: facilitator }, options) : text(m.lobby_soon({}, options)))],
    more: m.lobby_note({}, options),
  };
}
