// What keeps the tablet's JavaScript within its 40 KB (issue 15; client/bundle-sizes.mjs) without
// changing the page: code it carried but never ran is left out. Read from the source and the build's
// own plugin, so no browser and no build are needed.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { compile } from 'svelte/compiler';
import { describe, expect, test } from 'vitest';
import { pageBuild, withoutWebTransport } from '../../client/page-builds.mjs';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '../..');
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?[^'"]*?\s*from\s+['"](\.[^'"]+)['"]|^\s*import\s+['"](\.[^'"]+)['"]/gm;

/** The file a relative specifier names ('./x.js' is './x.ts' when that exists). */
function resolveFrom(from: string, spec: string): string {
  const path = normalize(join(dirname(from), spec));
  if (!path.endsWith('.js')) return path;
  try {
    readFileSync(join(ROOT, path.replace(/\.js$/, '.ts')));
    return path.replace(/\.js$/, '.ts');
  } catch {
    return path;
  }
}

/** Every file of ours `start` loads when it runs (type-only imports and packages left out). */
function loadedBy(start: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !/\.(ts|svelte)$/.test(file)) return;
    seen.add(file);
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)) {
      if (m[1] === undefined) visit(resolveFrom(file, m[2] ?? m[3]!));
    }
  };
  visit(start);
  return [...seen];
}

/** The Vite plugin hook as Vite calls it: `transform(code, id)`, with no plugin context needed here. */
function transform(code: string, id: string): { code: string } | null {
  const hook = withoutWebTransport().transform as (code: string, id: string) => { code: string } | null;
  return hook(code, id);
}

const ENGINE_TRANSPORTS = join(ROOT, 'node_modules/engine.io-client/build/esm/transports/index.js');

describe('the tablet page leaves out what it never runs', () => {
  test('issue 15, the tablet’s 40 KB: every component the tablet loads compiles in runes mode', () => {
    // One component in Svelte's legacy mode (no rune in it) turns legacy mode on for the whole page,
    // and the tablet carried its runtime (0.4 KB gzipped) for three screens that have no state at all.
    const components = loadedBy('client/src/tablet/main.ts').filter((f) => f.endsWith('.svelte'));
    expect(components).toContain('client/src/tablet/ParticipantScreen.svelte');
    expect(components).toContain('client/src/lib/NoLink.svelte'); // through lib/link-page.ts
    const legacy = components.filter((file) => !compile(readFileSync(join(ROOT, file), 'utf8'), { filename: file }).metadata.runes);
    expect(legacy).toEqual([]);
  });

  test('issue 15, the tablet’s 40 KB: its build takes WebTransport out of Socket.IO and keeps polling and WebSocket', () => {
    const source = readFileSync(ENGINE_TRANSPORTS, 'utf8');
    const out = transform(source, ENGINE_TRANSPORTS)!.code;
    expect(out).not.toMatch(/webtransport|WT/);
    // The two our server speaks (server/realtime/hub.ts): long-polling first, then the upgrade.
    expect(out).toMatch(/websocket: WS,/);
    expect(out).toMatch(/polling: XHR,/);
    expect(out).toMatch(/from "\.\/polling-xhr\.node\.js"/);
    expect(transform(source, join(ROOT, 'node_modules/engine.io-client/build/esm/socket.js'))).toBeNull();
  });

  test('a changed engine.io-client fails the tablet’s build instead of slipping through', () => {
    expect(() => transform('export const transports = { websocket: WS };', ENGINE_TRANSPORTS)).toThrow(/withoutWebTransport/);
  });

  test('only the tablet’s build is changed; the other pages build as vite.config.ts says', () => {
    for (const page of ['console', 'remote', 'display', 'prepare', 'consent']) expect(pageBuild(page)).toEqual({});
    expect(pageBuild('tablet').build).toMatchObject({ minify: 'terser', modulePreload: { polyfill: false } });
  });
});
