// Issue 17: the conformance suite on the PostgreSQL store, each test on a
// fresh database of a PostgreSQL server this file starts (tests/helpers/postgres.ts),
// plus what only a shared database server can show: two stores, as two
// servers would hold, racing the same revision.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Vault, VaultError } from '../../server/security/vault.js';
import { PostgresStore } from '../../server/store/postgres.js';
import { postgresBin, TestPostgres } from '../helpers/postgres.js';
import { storeConformance } from './conformance.js';
import { append, seedMeeting } from './conformance/fixtures.js';

let server: TestPostgres;
beforeAll(async () => {
  server = await TestPostgres.start();
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

/** Runs `statements` on `url` through a connection of its own, as someone with the database in hand would. */
async function raw<T extends pg.QueryResultRow>(url: string, ...statements: Array<[string, unknown[]?]>): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let rows: T[] = [];
    for (const [text, values] of statements) rows = (await client.query<T>(text, values)).rows;
    return rows;
  } finally {
    await client.end();
  }
}

/** Every row of every table, as PostgreSQL prints it: what a dump of the database would hold. */
async function everyRow(url: string): Promise<string> {
  const tables = await raw<{ name: string }>(url, ["SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"]);
  const dumps = await Promise.all(tables.map(({ name }) => raw<{ row: string }>(url, [`SELECT t::text AS row FROM "${name}" t`])));
  return dumps.flat().map((r) => r.row).join('\n');
}

storeConformance('PostgreSQL', async () => {
  const url = await server.createDatabase(await server.migratedTemplate());
  const vault = Vault.fromKey(randomBytes(32));
  const store = await PostgresStore.open(url, vault, { poolSize: 5 });
  return {
    store,
    openAnother: () => PostgresStore.open(url, vault, { poolSize: 5 }),
    persistedText: () => everyRow(url),
    async tamperAudit(seq, column, value) {
      await raw(url, ['ALTER TABLE audit DISABLE TRIGGER audit_no_update'], [`UPDATE audit SET ${column} = $1 WHERE seq = $2`, [value, seq]]);
    },
    async dispose() {
      await store.close();
      await server.dropDatabase(url);
    },
  };
});

describe('PostgreSQL: what only PostgreSQL shows', () => {
  test('issue 17: names are not readable in the raw tables, and times are stored as bigint', async () => {
    const url = await server.createDatabase();
    const store = await PostgresStore.open(url, Vault.fromKey(randomBytes(32)));
    try {
      const { c, m } = await seedMeeting(store);
      await append(store, m.id, 1, { type: 'offer.respond', response: 'declined', note: 'Offer-note-confidential' });
      const rows = await raw<{ loved_one_name: string }>(url, ['SELECT loved_one_name FROM cases WHERE id = $1', [c.id]]);
      expect(rows[0]!.loved_one_name).not.toContain('Samwise-Lovedone');
      const events = await raw<{ event_json: string }>(url, ['SELECT event_json FROM events']);
      expect(events[0]!.event_json).not.toContain('Offer-note-confidential');
      // The check can fail: the store reads it back.
      expect((await store.cases.getCase(c.id))!.lovedOneName).toBe('Samwise-Lovedone');
      const types = await raw<{ column_name: string; data_type: string }>(url, [
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND column_name LIKE '%\\_at' AND data_type <> 'bigint'",
      ]);
      expect(types).toEqual([]);
    } finally {
      await store.close();
      await server.dropDatabase(url);
    }
  });

  test('issue 17: a store opened with another key stops before changing anything', async () => {
    const url = await server.createDatabase();
    const first = await PostgresStore.open(url, Vault.fromKey(randomBytes(32)));
    await seedMeeting(first);
    await first.close();
    const before = await everyRow(url);
    await expect(PostgresStore.open(url, Vault.fromKey(randomBytes(32)))).rejects.toThrow(VaultError);
    expect(await everyRow(url)).toBe(before);
    await server.dropDatabase(url);
  });

  test('issue 17: without PostgreSQL the tests fail, saying what to install, rather than skip', () => {
    const saved = process.env.PG_BIN;
    process.env.PG_BIN = '/nonexistent/postgresql/bin';
    try {
      expect(() => postgresBin()).toThrow(/PostgreSQL is not installed.*apt-get install -y postgresql/);
    } finally {
      if (saved === undefined) delete process.env.PG_BIN;
      else process.env.PG_BIN = saved;
    }
  });
});
