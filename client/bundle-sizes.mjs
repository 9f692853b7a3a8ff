// Prints the gzipped JavaScript each page of the built client loads (its entry
// script and every module it preloads), and fails the build over budget:
// the tablet at most 40 KB with both its languages (issue 15; each page is built on its own, see
// client/build-pages.mjs), remote, display, prepare and consent at most 60 KB each, the console at most 150 KB.
// Chunks a page imports later (dynamic `import()`) are fetched after it has started: they are printed
// beside it, not counted in its budget, so that moving code into one never looks like a saving.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = new URL('../dist/client/', import.meta.url).pathname;
const BUDGET_KB = { 'index.html': 150, 'tablet.html': 40, 'remote.html': 60, 'display.html': 60, 'prepare.html': 60, 'consent.html': 60 };
const NAMES = { 'index.html': 'console', 'tablet.html': 'tablet', 'remote.html': 'remote', 'display.html': 'display', 'prepare.html': 'prepare', 'consent.html': 'consent' };

const gzipped = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

/** The chunks `files` import, statically or later, that are not among them (paths under dist/client). */
function importedBy(files) {
  const found = new Set();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop();
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)["'`]\.\/([\w.-]+\.js)["'`]/g)) {
      const chunk = join(file, '..', m[1]);
      if (files.has(chunk) || found.has(chunk)) continue;
      found.add(chunk);
      queue.push(chunk);
    }
  }
  return found;
}

let over = false;
console.log('Gzipped JavaScript per page:');
for (const [page, budget] of Object.entries(BUDGET_KB)) {
  const html = readFileSync(join(dir, page), 'utf8');
  const scripts = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]));
  let bytes = 0;
  for (const file of scripts) bytes += gzipped(file);
  const later = importedBy(scripts);
  let laterBytes = 0;
  for (const file of later) laterBytes += gzipped(file);
  const kb = bytes / 1024;
  const ok = kb <= budget;
  if (!ok) over = true;
  const fetchedLater = later.size > 0 ? `; ${(laterBytes / 1024).toFixed(1)} KB more fetched later, ${later.size} files` : '';
  console.log(`  ${NAMES[page].padEnd(8)} ${kb.toFixed(1).padStart(6)} KB  (budget ${budget} KB, ${scripts.size} files${fetchedLater})${ok ? '' : '  OVER BUDGET'}`);
}
if (over) {
  console.error('A page is over its JavaScript budget.');
  process.exit(1);
}
