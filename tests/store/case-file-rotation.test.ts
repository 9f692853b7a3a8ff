// Issue 9, storage: `npm run rotate-key` re-seals the case file with the rest
// (migration 004's sealed columns), so that after a rotation every stage
// snapshot and event, reason, assessment, screening and objection still reads
// back, under the new key only.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { Vault } from '../../server/security/vault.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { resealDatabase } from '../../server/tools/rotate-key.js';
import { applyCaseEvent, createCaseFile, persistCase, type CaseEvent } from '../../shared/case/index.js';
import { facilitator, kase, participant, T0 } from './conformance/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('issue 9, case 28: after a key rotation the whole case file reads back under the new key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-case-rotate-'));
  dirs.push(dir);
  const [oldKey, newKey] = [Vault.fromKey(randomBytes(32)), Vault.fromKey(randomBytes(32))];
  const store = await SqliteStore.inDirectory(dir, oldKey);
  const f = facilitator();
  await store.accounts.createFirstFacilitator(f);
  const c = kase(f.id);
  await store.cases.createCase(c);
  const p = participant(c.id);
  await store.cases.createParticipant(p);
  const cancel: CaseEvent = { type: 'case.cancel', reason: 'other', note: 'Cancel-note-rotated', at: T0, by: { actorId: f.id, role: 'facilitator' } };
  await store.caseFiles.recordStage(c.id, 'intake', 'cancelled', cancel, persistCase(applyCaseEvent(createCaseFile({ caseId: c.id }), cancel)));
  await store.caseFiles.setApproach(c.id, 'johnson', 'Reason-rotated');
  await store.caseFiles.putAssessment(c.id, { safety: { notes: 'Notes-rotated' } }, T0);
  const screening = { id: 's', caseId: c.id, createdAt: T0, screening: { instrument: 'gad-7' as const, respondent: { participantId: p.id }, answers: [1, 2, 3, 0, 1, 2, 3] } };
  await store.caseFiles.addScreening(screening);
  const objection = { objectionId: 'o', caseId: c.id, objection: 'Objection-rotated', responderId: p.id, response: 'Response-rotated', createdAt: T0 };
  await store.caseFiles.createObjection(objection);
  await store.caseFiles.putReadinessMark(c.id, { item: 'crisis-plan', state: 'waived', reason: 'Waiver-rotated' }, T0);
  await store.close();

  const db = new Database(join(dir, 'threshold.sqlite'));
  resealDatabase(db, oldKey, newKey);
  db.close();

  const reopened = await SqliteStore.inDirectory(dir, newKey);
  try {
    expect((await reopened.caseFiles.getStage(c.id))?.stage).toBe('cancelled');
    expect(await reopened.caseFiles.listStageEvents(c.id)).toEqual([cancel]);
    expect(await reopened.caseFiles.getApproachReason(c.id)).toBe('Reason-rotated');
    expect((await reopened.caseFiles.getAssessment(c.id))?.assessment).toEqual({ safety: { notes: 'Notes-rotated' } });
    expect(await reopened.caseFiles.listScreenings(c.id)).toEqual([screening]);
    expect(await reopened.caseFiles.listObjections(c.id)).toEqual([objection]);
    expect(await reopened.caseFiles.listReadinessMarks(c.id)).toEqual([{ item: 'crisis-plan', state: 'waived', reason: 'Waiver-rotated' }]);
  } finally {
    await reopened.close();
  }
});
