// Words typed but not yet saved, kept in the browser tab (s20, finding 1): offline, a reload used to
// lose them. sessionStorage, not localStorage: it lives only as long as the tab, so on a shared or
// borrowed device the letter does not stay behind once the tab is closed (docs/prepare.md, "Saving
// offline"). Each copy is named by the link's scope (api.ts's `tokenScope`, never the token) and the
// part, and removed as soon as the server has the words.
import type { LetterPart } from '../../../shared/prepare/vocabulary.js';

const key = (scope: string, part: LetterPart) => `threshold:prepare:unsaved:${scope}:${part}`;

/** The unsaved words of this link's `part`, or null (none, or the browser keeps no storage). */
export function readUnsaved(scope: string, part: LetterPart): string | null {
  try {
    return sessionStorage.getItem(key(scope, part));
  } catch {
    return null;
  }
}

/** Keeps `text` as this link's unsaved `part`; a browser that refuses storage keeps the words on the page only. */
export function keepUnsaved(scope: string, part: LetterPart, text: string): void {
  try {
    sessionStorage.setItem(key(scope, part), text);
  } catch {
    // Private modes and full storage refuse: the page still holds the words, and still warns before leaving.
  }
}

/** Forgets this link's unsaved `part`: the server has it. */
export function forgetUnsaved(scope: string, part: LetterPart): void {
  try {
    sessionStorage.removeItem(key(scope, part));
  } catch {
    // Nothing was kept.
  }
}
