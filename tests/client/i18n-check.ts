// The rules tests/client/i18n-catalogs.test.ts applies, kept apart so the test can try them on
// small made-up inputs too (a check that cannot fail would be no check).

/** The `{name}` placeholders in a message, sorted. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{[a-zA-Z_][a-zA-Z0-9_]*\}/g)].map((m) => m[0]).sort();
}

/** What is wrong between two catalogs (`$schema` aside), in key order: missing, empty, or placeholders that differ. */
export function catalogProblems(en: Record<string, string>, es: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(en), ...Object.keys(es)])].filter((k) => k !== '$schema').sort();
  const problems: string[] = [];
  for (const key of keys) {
    if (!(key in en)) problems.push(`${key}: missing in en`);
    if (!(key in es)) problems.push(`${key}: missing in es`);
    if (key in en && !en[key]!.trim()) problems.push(`${key}: empty in en`);
    if (key in es && !es[key]!.trim()) problems.push(`${key}: empty in es`);
    if (key in en && key in es) {
      const a = placeholders(en[key]!).join(' ') || 'none';
      const b = placeholders(es[key]!).join(' ') || 'none';
      if (a !== b) problems.push(`${key}: placeholders differ (en ${a}, es ${b})`);
    }
  }
  return problems;
}

/**
 * What is wrong in a console catalog pair: the console is English, so Spanish may lack a key (Paraglide
 * then uses the English), but every English key is non-empty, and any Spanish one has an English
 * counterpart with the same placeholders.
 */
export function consoleCatalogProblems(en: Record<string, string>, es: Record<string, string>): string[] {
  const shared = Object.fromEntries(Object.entries(en).filter(([k]) => k in es));
  return [
    ...Object.keys(en).filter((k) => k !== '$schema' && !en[k]!.trim()).map((k) => `${k}: empty in en`),
    ...catalogProblems(shared, es),
  ];
}

/** Keys that appear in more than one catalog file (each key belongs to one). */
export function duplicateKeys(catalogs: Array<Record<string, string>>): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const c of catalogs) for (const k of Object.keys(c)) if (k !== '$schema') (seen.has(k) ? dup : seen).add(k);
  return [...dup].sort();
}

// Attributes a person reads or hears; their literal values must come from the catalogs too.
const SPOKEN_ATTRIBUTES = /\b(aria-label|title|placeholder|alt)="([^"{]*[A-Za-z][^"]*)"/g;

/**
 * The literal words left in a Svelte component's markup: text between tags and spoken attributes,
 * once the script, style, comments and `{…}` expressions are taken out. Symbols without letters
 * (A−, ✓, punctuation) are allowed.
 */
export function literalText(source: string): string[] {
  const markup = source
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const found: string[] = [];
  for (const tag of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const attr of tag[0].matchAll(SPOKEN_ATTRIBUTES)) found.push(`${attr[1]}="${attr[2]}"`);
  }
  const text = stripExpressions(markup).replace(/<[^>]*>/g, '\n');
  for (const piece of text.split('\n')) {
    const t = piece.trim();
    if (/[A-Za-zÀ-ÿ]{2,}/.test(t)) found.push(t);
  }
  return found;
}

/** Markup with every `{…}` (nested braces included) taken out. */
function stripExpressions(markup: string): string {
  let out = '';
  let depth = 0;
  for (const ch of markup) {
    if (ch === '{') depth += 1;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}
