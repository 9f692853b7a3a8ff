// Issue 11, storage: migration 007's sealed columns (a facility's notes, a
// case's logistics document) are re-sealed by `npm run rotate-key` with the
// rest, and read back under the new key only.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { Vault } from '../../server/security/vault.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { resealDatabase } from '../../server/tools/rotate-key.js';
import { logisticsSchema } from '../../shared/case/logistics.js';
import { facilitator, kase, T0 } from './conformance/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('issue 11, case 23: after a key rotation the facilities and the case logistics read back under the new key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-logistics-rotate-'));
  dirs.push(dir);
  const [oldKey, newKey] = [Vault.fromKey(randomBytes(32)), Vault.fromKey(randomBytes(32))];
  const store = await SqliteStore.inDirectory(dir, oldKey);
  const f = facilitator();
  await store.accounts.createFirstFacilitator(f);
  const c = kase(f.id);
  await store.cases.createCase(c);
  const facility = { id: 'fac', facilitatorId: f.id, name: 'Oak House', levelsOfCare: ['residential' as const], phone: '', address: '', notes: 'Facility-note-rotated', createdAt: T0, updatedAt: T0 };
  await store.logistics.createFacility(facility);
  const logistics = logisticsSchema.parse({ primary: { facilityId: 'fac', insurance: { status: 'pending', notes: 'Insurance-rotated' } } });
  await store.logistics.putCaseLogistics(c.id, logistics, T0);
  await store.close();

  const db = new Database(join(dir, 'threshold.sqlite'));
  resealDatabase(db, oldKey, newKey);
  db.close();

  const reopened = await SqliteStore.inDirectory(dir, newKey);
  try {
    expect(await reopened.logistics.getFacility('fac')).toEqual(facility);
    expect(await reopened.logistics.getCaseLogistics(c.id)).toEqual({ logistics, updatedAt: T0 });
    expect(await reopened.logistics.listFacilities(f.id)).toEqual([facility]);
  } finally {
    await reopened.close();
  }
});
