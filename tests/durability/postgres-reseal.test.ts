// Issue 17, operations: what `npm run rotate-key` on PostgreSQL promises
// beyond a successful run (tests/durability/postgres-tools.test.ts): several
// batches per table still make one transaction, so a failure midway leaves
// every value under the old key; the tools find pg_dump or say what to
// install; the password never reaches a command line.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Vault } from '../../server/security/vault.js';
import { postgresKysely, postgresPool } from '../../server/store/postgres-connection.js';
import { PostgresStore } from '../../server/store/postgres.js';
import { findProgram, libpqEnvironment } from '../../server/tools/postgres-programs.js';
import { resealPostgres } from '../../server/tools/postgres-rotate.js';
import { SEALED_COLUMNS } from '../../server/tools/sealed-columns.js';
import { TestPostgres } from '../helpers/postgres.js';
import { append, participant, seedMeeting } from '../store/conformance/fixtures.js';

let server: TestPostgres;
beforeAll(async () => {
  server = await TestPostgres.start();
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

/** Every sealed value of the database at `url`, in a stable order. */
async function sealedValues(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const values: string[] = [];
    for (const [table, columns] of Object.entries(SEALED_COLUMNS)) {
      for (const column of columns) {
        const rows = (await client.query<{ v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL ORDER BY 1`)).rows;
        values.push(...rows.map((r) => r.v));
      }
    }
    return values;
  } finally {
    await client.end();
  }
}

/** A database with a case, its people and a meeting with a dozen events: more rows per table than one batch of 3. */
async function seeded(vault: Vault): Promise<{ url: string; names: string[]; caseId: string; meetingId: string }> {
  const url = await server.createDatabase(await server.migratedTemplate());
  const store = await PostgresStore.open(url, vault);
  try {
    const { c, m } = await seedMeeting(store);
    const names: string[] = [];
    for (let i = 0; i < 7; i++) {
      const p = participant(c.id, { name: `Person-${i}-rotated` });
      await store.cases.createParticipant(p);
      names.push(p.name);
    }
    for (let revision = 1; revision <= 12; revision++) await append(store, m.id, revision);
    return { url, names, caseId: c.id, meetingId: m.id };
  } finally {
    await store.close();
  }
}

test('issue 17, operations: a PostgreSQL rotation that fails midway, several batches in, leaves every value under the old key', async () => {
  const [oldKey, newKey] = [Vault.fromKey(randomBytes(32)), Vault.fromKey(randomBytes(32))];
  const { url, names, caseId, meetingId } = await seeded(oldKey);
  const before = await sealedValues(url);
  expect(before.length).toBeGreaterThan(30);
  // The new vault gives out after two thirds of the values: a disk, a network or a bug midway.
  let sealed = 0;
  const failing = Object.create(newKey) as Vault;
  failing.sealOrNull = (text: string | null) => {
    if (++sealed > (before.length * 2) / 3) throw new Error('failed midway');
    return newKey.sealOrNull(text);
  };
  const db = postgresKysely(postgresPool(url, { max: 1 }));
  try {
    await expect(resealPostgres(db, oldKey, failing, { batch: 3 })).rejects.toThrow('failed midway');
    expect(sealed).toBeGreaterThan(9);
  } finally {
    await db.destroy();
  }
  // Nothing changed, and the old key still opens the database.
  expect(await sealedValues(url)).toEqual(before);
  await (await PostgresStore.open(url, oldKey)).close();
  // And a whole run in batches of 3 re-seals them all, readable through the store with the new key only.
  const again = postgresKysely(postgresPool(url, { max: 1 }));
  try {
    expect(await resealPostgres(again, oldKey, newKey, { batch: 3 })).toBe(before.length);
  } finally {
    await again.destroy();
  }
  const after = await sealedValues(url);
  for (const value of after) {
    expect(() => newKey.open(value)).not.toThrow();
    expect(() => oldKey.open(value)).toThrow();
  }
  await expect(PostgresStore.open(url, oldKey)).rejects.toThrow(/not the key this database was sealed with/);
  const reopened = await PostgresStore.open(url, newKey);
  try {
    expect(await reopened.meetings.listEvents(meetingId)).toHaveLength(12);
    expect((await reopened.cases.listParticipants(caseId)).map((p) => p.name)).toEqual(expect.arrayContaining(names));
  } finally {
    await reopened.close();
  }
}, 60_000);

test('issue 17, operations: the tools find pg_dump on PATH or in /usr/lib/postgresql, or name what to install', () => {
  expect(findProgram('pg_dump')).toMatch(/pg_dump$/);
  expect(findProgram('pg_restore', { PATH: '' })).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin\/pg_restore$/);
  expect(() => findProgram('pg_dump', { PG_BIN: '/nowhere' })).toThrow(/pg_dump was not found .*apt-get install -y postgresql-client/);
});

test('issue 17, operations: pg_dump and pg_restore are given the database through libpq variables, the password never on a command line', () => {
  expect(libpqEnvironment('postgres://threshold:p%40ss%20word@db.example.org:6432/records?sslmode=verify-full')).toEqual({
    PGHOST: 'db.example.org', PGPORT: '6432', PGUSER: 'threshold', PGPASSWORD: 'p@ss word', PGDATABASE: 'records', PGSSLMODE: 'verify-full',
  });
  expect(libpqEnvironment('postgresql://threshold@localhost/threshold?ssl=true')).toMatchObject({ PGHOST: 'localhost', PGSSLMODE: 'require' });
});
