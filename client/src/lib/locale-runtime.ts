// What the family pages need of Paraglide's runtime, and nothing more (issue 15: the tablet's 40 KB).
// The generated runtime (client/src/paraglide/runtime.js) carries locale detection from URLs,
// cookies, headers, the navigator and server storage, which `getLocale` reaches until we replace
// it; we never use any of it (client/src/lib/i18n.svelte.ts points `getLocale` at the page's own
// state). The client build (vite.config.ts, `localeRuntime`) resolves every import of the generated
// runtime to this module; the unit tests and the type checker use the generated one, which behaves
// the same here (English until a page says otherwise).
import type { Language } from '../../../shared/vocabulary.js';

/** The language every message speaks until a page says otherwise (the console, a page before its view). */
export const baseLocale: Language = 'en';

/** The languages the catalogs are compiled for (as in client/i18n/project.inlang/settings.json). */
export const locales: readonly Language[] = ['en', 'es'];

/** Paraglide's compile-time single-language build; never used here, so always undefined. */
export const experimentalStaticLocale: Language | undefined = undefined;

/** The language messages speak now; English until `overwriteGetLocale`. */
export let getLocale = (): Language => baseLocale;

/** Points `getLocale` at the page's language (client/src/lib/i18n.svelte.ts). */
export const overwriteGetLocale = (fn: () => Language): void => {
  getLocale = fn;
};
