// Issue 10, storage: `npm run rotate-key` re-seals the family preparation
// (migration 005's sealed columns: every letter version and every comment), so
// that after a rotation they read back under the new key only.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { Vault } from '../../server/security/vault.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { resealDatabase } from '../../server/tools/rotate-key.js';
import { facilitator, kase, participant, T0 } from './conformance/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('issue 10, case 15: after a key rotation the drafts, versions and comments read back under the new key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-prepare-rotate-'));
  dirs.push(dir);
  const [oldKey, newKey] = [Vault.fromKey(randomBytes(32)), Vault.fromKey(randomBytes(32))];
  const store = await SqliteStore.inDirectory(dir, oldKey);
  const f = facilitator();
  await store.accounts.createFirstFacilitator(f);
  const c = kase(f.id);
  await store.cases.createCase(c);
  const p = participant(c.id);
  await store.cases.createParticipant(p);
  await store.preparation.saveVersion(p.id, 'letter', 'Draft-rotated-one', 'draft', T0, 200);
  await store.preparation.saveVersion(p.id, 'letter', 'Draft-rotated-two', 'submitted', T0 + 1, 200);
  await store.preparation.saveVersion(p.id, 'bottom-line', 'Bottom-line-rotated', 'draft', T0 + 2, 200);
  await store.preparation.addComment({ id: 'c-1', participantId: p.id, part: 'letter', authorId: f.id, text: 'Comment-rotated', at: T0 + 3 });
  await store.close();

  const db = new Database(join(dir, 'threshold.sqlite'));
  resealDatabase(db, oldKey, newKey);
  db.close();

  await expect(SqliteStore.inDirectory(dir, oldKey)).rejects.toThrow();
  const reopened = await SqliteStore.inDirectory(dir, newKey);
  try {
    expect((await reopened.preparation.listVersions(p.id, 'letter')).map((v) => v.text)).toEqual(['Draft-rotated-one', 'Draft-rotated-two']);
    expect((await reopened.preparation.getLetter(p.id, 'bottom-line'))?.text).toBe('Bottom-line-rotated');
    expect((await reopened.preparation.listComments(p.id)).map((x) => x.text)).toEqual(['Comment-rotated']);
  } finally {
    await reopened.close();
  }
});
