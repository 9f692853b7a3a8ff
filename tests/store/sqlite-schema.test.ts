// Issue 17: the migrations now choose some column types per dialect (bigint
// for milliseconds on PostgreSQL, see server/store/migrations/dialect.ts). On
// SQLite, migrations 001–006 must still write exactly the schema they always
// wrote: the fixture was dumped from a fresh database made by them before
// PostgreSQL support. Later migrations are left out, so that adding one does
// not change what this compares.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { MIGRATIONS, migrateToLatest } from '../../server/store/migrations/index.js';
import { openSqlite, sqliteKysely } from '../../server/store/sqlite-connection.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/sqlite-schema/schema.sql');
const BEFORE_POSTGRES = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '007'));

test('issue 17: migrations 001–006 make the SQLite schema they made before PostgreSQL support, byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-schema-'));
  try {
    const file = join(dir, 'threshold.sqlite');
    const kysely = sqliteKysely(openSqlite(file));
    expect(await migrateToLatest(kysely, BEFORE_POSTGRES)).toHaveLength(6);
    await kysely.destroy();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as Array<Record<string, string | null>>;
    db.close();
    const schema = rows.map((r) => `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql ?? '(no sql)'};\n`).join('\n');
    expect(schema).toBe(readFileSync(FIXTURE, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
