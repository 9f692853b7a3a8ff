// Issue 17: backup, restore and rotate-key work on the SQLite file. With
// DATABASE_URL set they would copy, replace or re-seal a file the server does
// not use, and report success: they must refuse instead, saying what to do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

test.each(['backup', 'restore', 'rotate-key'])('issue 17: %s refuses to run with DATABASE_URL set, and touches nothing', (tool) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'threshold-pg-tools-'));
  try {
    const run = spawnSync(process.execPath, [join(ROOT, `dist/server/tools/${tool}.js`), join(dataDir, 'elsewhere.sqlite')], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: 'postgres://threshold:pw-not-shown@127.0.0.1:1/threshold' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/DATABASE_URL is set: this tool works on the SQLite store only.*docs\/deployment\.md/);
    expect(run.stderr).not.toContain('pw-not-shown');
    expect(readdirSync(dataDir)).toEqual([]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
