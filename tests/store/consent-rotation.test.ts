// Issue 11, section 3, storage: `npm run rotate-key` re-seals migration 008's
// sealed columns (the transition checklist, each consent form and signature),
// so that after a rotation they read back under the new key only.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { CONSENT_STATEMENTS } from '../../shared/case/consent.js';
import { Vault } from '../../server/security/vault.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { resealDatabase } from '../../server/tools/rotate-key.js';
import { seedMeeting, T0 } from './conformance/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('issue 11, case 3.10: after a key rotation the checklist, consent forms and signatures read back under the new key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-consent-rotate-'));
  dirs.push(dir);
  const [oldKey, newKey] = [Vault.fromKey(randomBytes(32)), Vault.fromKey(randomBytes(32))];
  const store = await SqliteStore.inDirectory(dir, oldKey);
  const { c, m } = await seedMeeting(store);
  const checklist = { leftAt: T0, arrivedAt: null, admittedAt: null, accompaniedBy: { name: 'Companion-rotated' }, shareWithFamily: true };
  await store.transitions.put({ caseId: c.id, meetingId: m.id, checklist, updatedAt: T0 });
  const form = {
    patientName: 'Patient-rotated', disclosingProgram: 'Program-rotated', information: ['attendance'], recipients: [{ name: 'Ann' }],
    purpose: 'support', expiresAt: { event: 'discharge' }, rightToRevoke: { how: 'in writing' }, statements: CONSENT_STATEMENTS,
  };
  await store.consents.create({ id: 'k-1', caseId: c.id, createdBy: 'f', tokenHash: 'h', form, signature: null, createdAt: T0, signedAt: null, revokedAt: null, revocationRecordedAt: null });
  await store.consents.sign('k-1', { typedName: 'Signature-rotated', drawing: null, representative: null, signedAt: T0 + 1 });
  await store.close();

  const db = new Database(join(dir, 'threshold.sqlite'));
  resealDatabase(db, oldKey, newKey);
  db.close();

  await expect(SqliteStore.inDirectory(dir, oldKey)).rejects.toThrow();
  const reopened = await SqliteStore.inDirectory(dir, newKey);
  try {
    expect((await reopened.transitions.get(c.id))?.checklist).toEqual(checklist);
    const consent = await reopened.consents.get('k-1');
    expect(consent?.form.patientName).toBe('Patient-rotated');
    expect(consent?.signature?.typedName).toBe('Signature-rotated');
  } finally {
    await reopened.close();
  }
});
