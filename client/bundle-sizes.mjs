// Prints the gzipped JavaScript each page of the built client loads (its entry
// script and every module it preloads), and fails the build over budget:
// the tablet at most 40 KB with both its languages (issue 15; each page is built on its own, see
// client/build-pages.mjs), remote, display, prepare and consent at most 60 KB each, the console at most 150 KB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = new URL('../dist/client/', import.meta.url).pathname;
const BUDGET_KB = { 'index.html': 150, 'tablet.html': 40, 'remote.html': 60, 'display.html': 60, 'prepare.html': 60, 'consent.html': 60 };
const NAMES = { 'index.html': 'console', 'tablet.html': 'tablet', 'remote.html': 'remote', 'display.html': 'display', 'prepare.html': 'prepare', 'consent.html': 'consent' };

let over = false;
console.log('Gzipped JavaScript per page:');
for (const [page, budget] of Object.entries(BUDGET_KB)) {
  const html = readFileSync(join(dir, page), 'utf8');
  const scripts = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]));
  let bytes = 0;
  for (const file of scripts) bytes += gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  const kb = bytes / 1024;
  const ok = kb <= budget;
  if (!ok) over = true;
  console.log(`  ${NAMES[page].padEnd(8)} ${kb.toFixed(1).padStart(6)} KB  (budget ${budget} KB, ${scripts.size} files)${ok ? '' : '  OVER BUDGET'}`);
}
if (over) {
  console.error('A page is over its JavaScript budget.');
  process.exit(1);
}
