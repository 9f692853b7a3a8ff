// Vitest's global setup: the client's message functions are compiled from the catalogs
// (client/i18n/messages → client/src/paraglide, `npm run i18n`), and tests that import a page's
// words need them. Compiled here when missing or older than a catalog, so a fresh clone's
// `npx vitest run tests/client` works without a build first.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export default function compileMessages(): void {
  const out = join(root, 'client/src/paraglide/messages/_index.js');
  const catalogs = join(root, 'client/i18n/messages');
  // The family catalogs and the console's (client/i18n/messages/<area>/<locale>.json), whichever changed last.
  const files = readdirSync(catalogs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  const newest = Math.max(...files.map((f) => statSync(join(catalogs, f)).mtimeMs));
  if (existsSync(out) && statSync(out).mtimeMs >= newest) return;
  execFileSync('npm', ['run', '--silent', 'i18n'], { cwd: root, stdio: 'inherit' });
}
