// Issue 17: the migrations now choose some column types per dialect (bigint
// for milliseconds on PostgreSQL, see server/store/migrations/dialect.ts). On
// SQLite they must still write exactly the schema they always wrote: the
// fixture was dumped from a fresh database made by the migrations before
// PostgreSQL support, and a fresh database now must match it to the byte.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { Vault } from '../../server/security/vault.js';
import { SqliteStore } from '../../server/store/sqlite.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/sqlite-schema/schema.sql');

test('issue 17: a fresh SQLite database has the schema it had before PostgreSQL support, byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threshold-schema-'));
  try {
    const store = await SqliteStore.inDirectory(dir, Vault.fromKey(randomBytes(32)));
    await store.close();
    const db = new Database(join(dir, 'threshold.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as Array<Record<string, string | null>>;
    db.close();
    const schema = rows.map((r) => `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql ?? '(no sql)'};\n`).join('\n');
    expect(schema).toBe(readFileSync(FIXTURE, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
