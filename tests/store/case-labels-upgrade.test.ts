// Migration 012 on a database that already holds cases (the first release's,
// with two more cases put in beside its one): each existing case is numbered
// in the order cases were made, so "Case 1" is the oldest, and the next case
// made takes the next number. A newcomer's trial, item 2.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { Vault } from '../../server/security/vault.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import expected from '../fixtures/v1-release/expected.json' with { type: 'json' };

const FIXTURE = join(import.meta.dirname, '../fixtures/v1-release/threshold.sqlite');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('trial item 2, case 7: migration 012 numbers existing cases by when they were made, then new ones after them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-labels-'));
  dirs.push(dir);
  const file = join(dir, 'threshold.sqlite');
  copyFileSync(FIXTURE, file);
  const raw = new Database(file);
  const { facilitator_id: owner, created_at: made } = raw.prepare('SELECT facilitator_id, created_at FROM cases WHERE id = ?').get(expected.caseId) as { facilitator_id: string; created_at: number };
  const insert = raw.prepare("INSERT INTO cases (id, facilitator_id, loved_one_name, approach, created_at) VALUES (?, ?, 'not-read-here', 'johnson', ?)");
  insert.run('case-older', owner, made - 1000);
  insert.run('case-newer', owner, made + 1000);
  raw.close();

  const store = await SqliteStore.inDirectory(dir, Vault.fromKey(Buffer.from(expected.key, 'base64')));
  try {
    const labels = await store.cases.calendarLabels(['case-older', expected.caseId, 'case-newer']);
    expect(['case-older', expected.caseId, 'case-newer'].map((id) => labels.get(id)?.label)).toEqual(['Case 1', 'Case 2', 'Case 3']);
    await store.cases.createCase({ id: 'case-next', facilitatorId: owner, lovedOneName: 'Next', approach: 'johnson', createdAt: made + 2000 });
    expect((await store.cases.calendarLabels(['case-next'])).get('case-next')).toEqual({ label: 'Case 4', chosen: false });
  } finally {
    await store.close();
  }
});
