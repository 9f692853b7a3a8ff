// The client's imports, read from the source: no module of client/ or shared/
// reaches back to itself, and nothing the browser runs pulls in zod (the
// schemas stay on the server; the client imports shared/vocabulary.ts and types).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');

interface Edge {
  target: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const FILES = new Set([...sources('client/src'), ...sources('shared')]);
const IMPORT = /^\s*(import|export)\s+(type\s+)?([^'"]*?)\s*from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

/** A relative specifier as the file it names ('./x.js' is './x.ts'); a package by its name. */
function resolve(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const path = normalize(join(dirname(from), spec));
  const ts = path.replace(/\.js$/, '.ts');
  return FILES.has(ts) ? ts : path;
}

function edgesOf(file: string): Edge[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => ({
    target: resolve(file, m[4] ?? m[5]),
    // Only `import type` vanishes: under verbatimModuleSyntax, `import { type A }` still loads the module.
    typeOnly: m[2] !== undefined,
  }));
}

const GRAPH = new Map([...FILES].map((f) => [f, edgesOf(f)]));

/** Every module `start` loads when it runs, types left out. */
function runtimeClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const edge of GRAPH.get(file) ?? []) if (!edge.typeOnly) visit(edge.target);
  };
  visit(start);
  return seen;
}

/** One cycle through imports of any kind, as a path, or null. */
function findCycle(): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    if (state.has(file) || !GRAPH.has(file)) return null;
    state.set(file, 'open');
    path.push(file);
    for (const edge of GRAPH.get(file)!) {
      const cycle = visit(edge.target);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of FILES) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('the client and shared modules', () => {
  test('the reader finds the imports it is meant to check', () => {
    expect(GRAPH.get('client/src/tablet/main.ts')?.map((e) => e.target)).toContain('client/src/lib/link-page.ts');
    expect(runtimeClosure('shared/protocol.ts')).toContain('zod');
    expect(runtimeClosure('client/src/lib/connection.svelte.ts')).not.toContain('shared/meeting/view.ts');
  });

  // Pins the loop between crisis.svelte.ts and server-config.ts (issue 8, part 6).
  test('no module reaches back to itself through its imports', () => {
    expect(findCycle()).toBeNull();
  });

  test.each(sources('client/src').filter((f) => f.endsWith('main.ts')))('%s does not load zod or the protocol schemas', (entry) => {
    const loaded = runtimeClosure(entry);
    expect(loaded).not.toContain('zod');
    expect(loaded).not.toContain('shared/protocol.ts');
  });
});
