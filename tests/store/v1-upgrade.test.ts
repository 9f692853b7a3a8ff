// A database made by the first release (tests/fixtures/v1-release/: its
// tables, no migration table, one global audit chain), opened by the new
// store: the migrations run, everything reads back, the audit splits into
// chains that verify. And a migration that fails changes nothing.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { sqliteKysely } from '../../server/store/sqlite-connection.js';
import { MIGRATIONS, migrateToLatest, MigrationError } from '../../server/store/migrations/index.js';
import { hashToken } from '../../server/security/secrets.js';
import { Vault } from '../../server/security/vault.js';
import { verifyChain } from '../../server/store/audit.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { phaseOf, replay } from '../../shared/meeting/agenda.js';
import expected from '../fixtures/v1-release/expected.json' with { type: 'json' };

const FIXTURE = join(import.meta.dirname, '../fixtures/v1-release/threshold.sqlite');
const vault = () => Vault.fromKey(Buffer.from(expected.key, 'base64'));
const dirs: string[] = [];

/** A copy of the release's database in a temp dir: the fixture itself is never opened for writing. */
function copyOfRelease(): string {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-v1-'));
  dirs.push(dir);
  copyFileSync(FIXTURE, join(dir, 'threshold.sqlite'));
  return dir;
}

const rows = (file: string, query: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(query).all();
  } finally {
    db.close();
  }
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test("the release's database opens with every record readable and its audit split into chains that verify", async () => {
  const dir = copyOfRelease();
  const store = await SqliteStore.inDirectory(dir, vault());
  try {
    expect(rows(join(dir, 'threshold.sqlite'), 'SELECT name FROM kysely_migration ORDER BY name')).toEqual(Object.keys(MIGRATIONS).map((name) => ({ name })));

    const account = (await store.accounts.findFacilitatorByEmail(expected.email))!;
    expect(account.name).toBe('Dana');
    // Migration 011 (issue 16): the installation's single account becomes the practice's admin, and works.
    expect([account.role, account.deactivatedAt]).toEqual(['admin', null]);
    expect(await store.accounts.countFacilitators()).toBe(1);
    const [session] = rows(join(dir, 'threshold.sqlite'), 'SELECT id_hash FROM sessions') as Array<{ id_hash: string }>;
    expect((await store.accounts.findSession(session!.id_hash, 0))?.facilitatorId).toBe(account.id);

    expect((await store.cases.getCase(expected.caseId))?.lovedOneName).toBe('Lovedone-Fixture');
    expect((await store.cases.listCases(account.id)).map((c) => c.id)).toEqual([expected.caseId]);
    const planned = await store.cases.listParticipants(expected.caseId);
    expect(planned.map((p) => [p.id, p.name])).toEqual([
      [expected.ids.ann, 'Annabel-Fixture'], [expected.ids.bob, 'Roberto-Fixture'], [expected.ids.cy, 'Cyrilla-Fixture'],
    ]);
    expect(planned[0]!.letter).toBeTruthy();
    expect(await store.cases.getParticipant(expected.ids.guest)).toMatchObject({ name: 'Guest-Fixture', attendance: 'guest', meetingId: expected.meetingId });
    expect((await store.cases.listMeetingTexts(expected.meetingId, expected.caseId)).size).toBe(4);

    const links = await store.links.list(expected.meetingId);
    expect(links.map((l) => l.kind).sort()).toEqual(['display', 'guest', 'participant', 'participant', 'participant', 'remote']);
    expect((await store.links.findByTokenHash(hashToken(expected.annToken)))?.participantId).toBe(expected.ids.ann);

    const meeting = (await store.meetings.get(expected.meetingId))!;
    expect([meeting.revision, meeting.phase]).toEqual([expected.revision, expected.phase]);
    const events = await store.meetings.listEvents(expected.meetingId);
    expect(events.map((e) => e.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(phaseOf(replay(meeting.input, events.map((e) => e.event)))).toBe(expected.phase);
    expect((await store.meetings.listUnclosed()).map((m) => m.id)).toEqual([expected.meetingId]);

    const meetingChain = await store.audit.list(expected.meetingId);
    const accountChain = await store.audit.list(null);
    expect(meetingChain.map((a) => a.action)).toEqual(['meeting.created', ...Array(6).fill('link.issued'), ...Array(5).fill('command')]);
    expect(meetingChain.map((a) => a.position)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(accountChain.map((a) => [a.seq, a.action])).toEqual([[1, 'account.created']]);
    expect(verifyChain(meetingChain)).toEqual({ intact: true, checked: 12, brokenAt: null });
    expect(verifyChain(accountChain)).toEqual({ intact: true, checked: 1, brokenAt: null });

    // The meeting carries on where it was.
    const e = { ...events[4]!.event, commandId: 'after-upgrade', at: expected.pausedAt + 1000 };
    await store.meetings.appendEvent(expected.meetingId, { revision: 6, commandId: 'after-upgrade', event: e }, meeting.snapshot, meeting.phase, e.at, {
      at: e.at, actorRole: 'facilitator', actorId: account.id, action: 'command', meetingId: expected.meetingId, subjectId: null, detail: { type: e.type, revision: 6 },
    });
    expect(verifyChain(await store.audit.list(expected.meetingId))).toMatchObject({ intact: true, checked: 13 });
  } finally {
    await store.close();
  }
  // Opening again runs nothing twice.
  const again = await SqliteStore.inDirectory(dir, vault());
  expect((await again.meetings.get(expected.meetingId))?.revision).toBe(6);
  await again.close();
});

test("a release database whose audit chain was altered is not re-chained: the start stops, naming the migration, and nothing changes", async () => {
  const dir = copyOfRelease();
  const file = join(dir, 'threshold.sqlite');
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_no_update');
  db.prepare("UPDATE audit SET actor_id = 'someone-else' WHERE seq = 4").run();
  db.close();
  const before = rows(file, 'SELECT * FROM audit ORDER BY seq');

  const opening = SqliteStore.inDirectory(dir, vault());
  await expect(opening).rejects.toThrow(MigrationError);
  await expect(opening).rejects.toThrow(/migration 002-audit-chains failed: .*does not hold at entry 4.*nothing was changed/);
  expect(rows(file, 'SELECT * FROM audit ORDER BY seq')).toEqual(before);
  expect(rows(file, 'SELECT name FROM kysely_migration')).toEqual([]);
});

test('a failing migration rolls back every migration of the same start, and names itself', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-migrate-'));
  dirs.push(dir);
  const file = join(dir, 'threshold.sqlite');
  const kysely = sqliteKysely(new Database(file));
  const broken = {
    ...MIGRATIONS,
    '999-broken': {
      async up(db: typeof kysely) {
        await db.schema.createTable('half_done').addColumn('id', 'text').execute();
        throw new Error('disk full, say');
      },
    },
  };
  await expect(migrateToLatest(kysely, broken)).rejects.toThrow('database migration 999-broken failed: disk full, say');
  await kysely.destroy();
  const tables = (rows(file, "SELECT name FROM sqlite_master WHERE type = 'table'") as Array<{ name: string }>).map((t) => t.name);
  expect(tables).not.toContain('half_done');
  expect(tables).not.toContain('facilitators');
  expect(rows(file, 'SELECT name FROM kysely_migration')).toEqual([]);
});

// Issue 12, case 10: a database from before the check value is checked against
// its sealed records, before any migration runs; the right key then gets a check value.
test('a release database opened with a wrong key is refused before its migrations; with its key it gains a check value', async () => {
  const dir = copyOfRelease();
  const file = join(dir, 'threshold.sqlite');
  const tablesBefore = rows(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  await expect(SqliteStore.inDirectory(dir, Vault.fromKey(Buffer.alloc(32, 9)))).rejects.toThrow(/not the key this database was sealed with/);
  expect(rows(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).toEqual(tablesBefore);
  const store = await SqliteStore.inDirectory(dir, vault());
  await store.close();
  const [check] = rows(file, 'SELECT sealed FROM vault_check') as Array<{ sealed: string }>;
  expect(vault().open(check!.sealed)).toBe('threshold vault check v1');
});
