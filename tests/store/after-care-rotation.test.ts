// Issue 11, storage: `npm run rotate-key` re-seals after-care (migration 009's
// sealed columns: the outcome and plan, each commitment, each follow-up note),
// so that after a rotation they read back under the new key only.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { startingPlan } from '../../shared/case/next-steps.js';
import { Vault } from '../../server/security/vault.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { resealDatabase } from '../../server/tools/rotate-key.js';
import { freshMeeting } from './after-care-support.js';
import { T0 } from './conformance/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('issue 11, case 14: after a key rotation the plan, the commitments and the follow-up notes read back under the new key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-aftercare-rotate-'));
  dirs.push(dir);
  const [oldKey, newKey] = [Vault.fromKey(randomBytes(32)), Vault.fromKey(randomBytes(32))];
  const store = await SqliteStore.inDirectory(dir, oldKey);
  const { c, m, p } = await freshMeeting(store);
  const plan = { ...startingPlan('deferred', '2026-02-01'), family: { sessions: [], supportGroups: [], selfCare: 'Self-care-rotated' } };
  const commitment = { participantId: p.id, commitment: 'Commitment-rotated', status: 'not-yet' as const, checkIns: [] };
  const followUp = { id: 'fu-1', caseId: c.id, kind: '1-day' as const, dueAt: T0, status: 'done' as const, note: 'Note-rotated', createdAt: T0, updatedAt: T0 };
  expect(await store.afterCare.begin({ caseId: c.id, meetingId: m.id, outcome: 'deferred', outcomeAt: T0, plan, createdAt: T0, updatedAt: T0 }, [commitment], [followUp])).toBe(true);
  await store.close();

  const db = new Database(join(dir, 'threshold.sqlite'));
  resealDatabase(db, oldKey, newKey);
  db.close();

  await expect(SqliteStore.inDirectory(dir, oldKey)).rejects.toThrow();
  const reopened = await SqliteStore.inDirectory(dir, newKey);
  try {
    expect((await reopened.afterCare.get(c.id))?.plan).toEqual(plan);
    expect(await reopened.afterCare.listCommitments(c.id)).toEqual([commitment]);
    expect((await reopened.afterCare.getFollowUp('fu-1'))?.note).toBe('Note-rotated');
  } finally {
    await reopened.close();
  }
});
