// The console imports the case file's words (shared/case/vocabulary.ts) and
// the screeners' catalog (shared/screeners/catalog.ts) at run time; neither may
// pull in zod, XState or the protocol's schemas, which stay on the server
// (the rule tests/client/imports.test.ts checks for the client's entries).
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');
const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?\s*from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

/** Every module `start` loads when it runs (`import type` left out), packages by name. */
function runtimeClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.ts')) return;
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)) {
      if (m[2] !== undefined) continue;
      const spec = m[3] ?? m[4];
      visit(spec.startsWith('.') ? relative(ROOT, normalize(join(ROOT, dirname(file), spec))).replace(/\.js$/, '.ts') : spec);
    }
  };
  visit(start);
  return seen;
}

describe("what the console loads of the case file", () => {
  test('the reader sees the schemas where they are', () => {
    expect(runtimeClosure('shared/screeners/index.ts')).toContain('zod');
    expect(runtimeClosure('shared/case/lifecycle.ts')).toContain('xstate');
  });

  test.each(['shared/case/vocabulary.ts', 'shared/screeners/catalog.ts', 'shared/case/aftercare-vocabulary.ts', 'shared/case/follow-ups.ts'])('%s loads no zod, XState or protocol schemas', (file) => {
    const loaded = runtimeClosure(file);
    expect(loaded).not.toContain('zod');
    expect(loaded).not.toContain('xstate');
    expect(loaded).not.toContain('shared/protocol.ts');
  });
});
