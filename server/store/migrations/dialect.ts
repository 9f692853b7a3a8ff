// What a migration needs to know to run on SQLite and on PostgreSQL alike
// (docs/store.md, "Migrations on both"). Migrations are frozen, and they
// import this module: what it returns for a dialect never changes, it may only
// gain helpers. On SQLite every helper gives exactly what the migrations wrote
// before PostgreSQL existed, so a SQLite schema stays byte-identical
// (tests/store/sqlite-schema.test.ts).
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely, type RawBuilder } from 'kysely';

/** True when `db` (a Kysely instance or a transaction) speaks to PostgreSQL. */
export function onPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The column type for milliseconds since the epoch: `integer` on SQLite (64-bit
 * there), `bigint` on PostgreSQL, whose `integer` is 32-bit and overflows in 1970.
 */
export function millis(db: Kysely<any>): 'integer' | 'bigint' {
  return onPostgres(db) ? 'bigint' : 'integer';
}

/** The same as raw SQL, for migrations written as SQL text (`INTEGER` on SQLite, as they always wrote it). */
export function millisSql(db: Kysely<any>): RawBuilder<unknown> {
  return sql.raw(onPostgres(db) ? 'BIGINT' : 'INTEGER');
}

/**
 * SQLite orders rows created in the same millisecond by `rowid`
 * (`insertionOrder` in kysely/cases.ts). PostgreSQL has no rowid, so a table
 * whose queries use it gets an identity column of that name there; on SQLite
 * this adds nothing. Use with `createTable(…).$call(rowidOnPostgres(db))`.
 */
export function rowidOnPostgres(db: Kysely<any>) {
  return <T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C> =>
    onPostgres(db) ? table.addColumn('rowid', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity()) : table;
}

/**
 * Makes `table` append-only on PostgreSQL, where a trigger runs a function
 * (SQLite's triggers use RAISE in their body instead): the function and the
 * `<prefix>_no_update` / `<prefix>_no_delete` triggers, created or replaced.
 */
export async function appendOnlyOnPostgres(db: Kysely<any>, table: string, message: string): Promise<void> {
  const fn = sql.id(`${table}_append_only`);
  await sql`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION ${sql.lit(message)}; END $$`.execute(db);
  for (const op of ['update', 'delete'] as const) {
    await sql`CREATE OR REPLACE TRIGGER ${sql.id(`${table}_no_${op}`)} BEFORE ${sql.raw(op.toUpperCase())} ON ${sql.id(table)}
      FOR EACH ROW EXECUTE FUNCTION ${fn}()`.execute(db);
  }
}
