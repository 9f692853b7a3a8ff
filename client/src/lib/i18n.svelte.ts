// The language of a family page (issue 15). Messages are Paraglide's compiled
// functions (client/i18n/messages/*.json → client/src/paraglide); they read the
// locale through `getLocale`, which we point at this one piece of $state, so a
// switch re-renders every message on the page. The choice made on a device is
// remembered there (per link), and wins over the language the interventionist
// assigned, which arrives with the view.
import { overwriteGetLocale } from '../paraglide/runtime.js';
import { isLanguage, type Language } from '../../../shared/vocabulary.js';

export { dateTime, plural, pluralOf } from './plural.js';

class PageLanguage {
  current = $state<Language>('en');
  #key = '';
  #chosenHere = false;
  #title: (() => string) | null = null;

  /**
   * Remember choices for this page and link on this device (`token`'s first 16 characters), and take
   * back a choice made before; `title` is the page's title message, kept in the chosen language.
   */
  rememberFor(page: string, token: string, title: () => string): void {
    this.#title = title;
    this.#key = `threshold:language:${page}:${token.slice(0, 16)}`;
    let saved: string | null = null;
    // Private browsing can refuse storage: the page then simply forgets the choice.
    try {
      saved = localStorage.getItem(this.#key);
    } catch {}
    this.#chosenHere = isLanguage(saved);
    this.#apply(isLanguage(saved) ? saved : this.current);
  }

  /** True once the person chose a language on this device (now or before, for this link). */
  get chosen(): boolean {
    return this.#chosenHere;
  }

  /** The language the interventionist set (from the view); a choice made on this device wins. */
  assign(language: Language | undefined): void {
    if (!this.#chosenHere && language && language !== this.current) this.#apply(language);
  }

  /** The person chose on this screen: switch now and remember it on this device. */
  choose(language: Language): void {
    this.#chosenHere = true;
    this.#apply(language);
    try {
      localStorage.setItem(this.#key, language);
    } catch {}
  }

  #apply(language: Language) {
    this.current = language;
    document.documentElement.lang = language;
    if (this.#title) document.title = this.#title();
  }
}

/** The page's language: one per page. */
export const language = new PageLanguage();
overwriteGetLocale(() => language.current);
