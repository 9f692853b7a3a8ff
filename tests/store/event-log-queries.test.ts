// Issue 14, case 9: the SQLite writer thread compiles each statement of an
// append once and binds explicit parameter lists (building and compiling the
// Kysely queries for every append was about a fifth of its CPU). These pin
// that each list is exactly what Kysely binds, for every shape an append
// takes, so that the queries stay the one source of the SQL.
import { describe, expect, test } from 'vitest';
import type { AuditEntry } from '../../server/store/audit.js';
import {
  advanceMeeting, advanceMeetingInPhase, advanceMeetingInPhaseParameters, advanceMeetingParameters, chainTail, chainTailParameters, insertAudit, insertAuditParameters, insertEvent, insertEventParameters,
  type SealedAppend,
} from '../../server/store/kysely/event-log-queries.js';
import { sqliteCompiler } from '../../server/store/sqlite-connection.js';

const compiler = sqliteCompiler();
const appends: SealedAppend[] = [
  { meetingId: 'm-1', revision: 1, commandId: 'c-1', eventSealed: 'sealed-event', snapshotSealed: 'sealed-snapshot', phase: 'opening', at: 1_000 },
  { meetingId: 'm-2', revision: 42, commandId: 'c-42', eventSealed: 'sealed-event-42', snapshotSealed: null, phase: 'speaking', at: 2_000 },
];
const entries: AuditEntry[] = [
  { at: 3_000, actorRole: 'facilitator', actorId: 'f-1', action: 'command', meetingId: 'm-1', subjectId: null, detail: { type: 'turn.next', revision: 3 } },
  { at: 4_000, actorRole: 'participant', actorId: 'p-1', action: 'command', meetingId: 'm-2', subjectId: 'p-2', detail: null },
];
const link = { position: 5, prevHash: 'prev', hash: 'next' };

/** The SQL of a statement and, beside it, what Kysely binds. */
const compiled = (query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
  const { sql, parameters } = query.compile();
  return { sql, parameters: [...parameters] };
};

describe('issue 14, case 9: the writer thread binds exactly what Kysely would', () => {
  test('the event and the revision move, with and without a snapshot', () => {
    for (const a of appends) {
      expect(insertEventParameters(a)).toEqual(compiled(insertEvent(compiler, a)).parameters);
      expect(advanceMeetingParameters(a)).toEqual(compiled(advanceMeeting(compiler, a)).parameters);
      expect(advanceMeetingInPhaseParameters(a)).toEqual(compiled(advanceMeetingInPhase(compiler, a)).parameters);
    }
    // The two shapes of the move are two statements: one keeps the stored snapshot.
    const [withSnapshot, keeping] = appends.map((a) => compiled(advanceMeeting(compiler, a)).sql);
    expect(withSnapshot).toContain('snapshot_json');
    expect(keeping).not.toContain('snapshot_json');
  });

  test('issue 14, writer case 1: an append that stays in its phase leaves the phase out of the SET (no index rewrite, no trigger)', () => {
    for (const a of appends) {
      const { sql } = compiled(advanceMeetingInPhase(compiler, a));
      expect(sql).not.toMatch(/set[^]*"phase" = \?[^]*where/);
      expect(sql).toMatch(/where[^]*"phase" = \?/);
    }
  });

  test('the audit chain: its tail and the new link, with and without detail, on a meeting’s chain and the accounts’', () => {
    for (const meetingId of ['m-1', null]) expect(chainTailParameters(meetingId)).toEqual(compiled(chainTail(compiler, meetingId)).parameters);
    // Issue 14, writer case 2: the limit is in the SQL, not bound (a bound LIMIT made SQLite re-prepare the statement on every read).
    expect(compiled(chainTail(compiler, 'm-1'))).toMatchObject({ sql: expect.stringMatching(/limit 1$/), parameters: ['m-1'] });
    for (const e of [...entries, { ...entries[1]!, meetingId: null }]) {
      expect(insertAuditParameters(e, link)).toEqual(compiled(insertAudit(compiler, e, link)).parameters);
    }
    // One SQL text per statement, whatever the values.
    expect(new Set(entries.map((e) => compiled(insertAudit(compiler, e, link)).sql)).size).toBe(1);
  });
});
