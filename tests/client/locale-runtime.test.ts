// Issue 15, the tablet's 40 KB: the built pages use client/src/lib/locale-runtime.ts in place of
// Paraglide's generated runtime (vite.config.ts). A Paraglide upgrade whose messages import more of
// the runtime, or a page that starts using another of its functions, must fail here, not in a browser.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as stand from '../../client/src/lib/locale-runtime.js';
import * as generated from '../../client/src/paraglide/runtime.js';

const root = join(import.meta.dirname, '../..');

/** The names imported from the runtime by `source` (`import { a, b } from '…runtime.js'`). */
function runtimeImports(source: string): string[] {
  return [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*["'][./]*(?:paraglide\/)?runtime\.js["']/g)]
    .flatMap((m) => m[1]!.split(',').map((n) => n.trim().replace(/^type\s+/, '')).filter((n) => n && !/^[A-Z]/.test(n)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'paraglide' ? [] : filesUnder(join(dir, e.name))) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the stand-in for Paraglide’s runtime', () => {
  test('issue 15, runtime case 1: it exports every name the messages and the pages import from the runtime', () => {
    const messages = readFileSync(join(root, 'client/src/paraglide/messages/_index.js'), 'utf8');
    const pages = filesUnder(join(root, 'client/src')).map((f) => readFileSync(f, 'utf8'));
    const wanted = [...new Set([messages, ...pages].flatMap(runtimeImports))].sort();
    expect(wanted).toContain('getLocale');
    expect(wanted.filter((n) => !(n in stand))).toEqual([]);
  });

  test('issue 15, runtime case 2: it agrees with the generated runtime: English first, the same languages, a live getLocale', () => {
    expect(stand.baseLocale).toBe(generated.baseLocale);
    expect([...stand.locales]).toEqual([...generated.locales]);
    expect(stand.experimentalStaticLocale).toBe(generated.experimentalStaticLocale);
    expect(stand.getLocale()).toBe('en');
    stand.overwriteGetLocale(() => 'es');
    expect(stand.getLocale()).toBe('es');
    stand.overwriteGetLocale(() => 'en');
  });
});
