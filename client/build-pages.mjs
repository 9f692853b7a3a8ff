// Builds the six pages one at a time into dist/client (issue 15). Tree-shaking is per build: built
// together, every page loaded the Svelte runtime and messages the others use too (the tablet carried
// the console's form bindings); built alone, each carries only its own, which keeps the tablet within
// its 40 KB with both languages. Each device opens one page, so nothing shared is lost. The tablet's
// build does a little more to stay within it (client/page-builds.mjs).
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { pageBuild } from './page-builds.mjs';

const root = new URL('..', import.meta.url).pathname;
rmSync(new URL('../dist/client', import.meta.url), { recursive: true, force: true });
for (const page of ['console', 'tablet', 'remote', 'display', 'prepare', 'consent']) {
  process.env.THRESHOLD_PAGES = page;
  await build({ configFile: `${root}vite.config.ts`, logLevel: 'warn', ...pageBuild(page) });
}
