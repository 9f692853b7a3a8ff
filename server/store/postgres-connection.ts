// Connecting to PostgreSQL for Kysely (pg 8 behind PostgresDialect). What is
// particular to PostgreSQL here:
// - int8 (bigint: the millisecond times, counts, the audit's seq) comes back
//   from pg as a string, to be safe beyond 2^53; our values stay far below
//   (milliseconds reach 2^53 in the year 287396), so they are parsed as numbers;
// - a plain pool: each query takes a connection, each transaction holds one.
//   PostgreSQL's own WAL writer groups the commits of concurrent transactions,
//   which SQLite's writer thread does by hand (docs/store.md);
// - a connection that cannot be had within CONNECT_TIMEOUT_MS fails, so that a
//   database that is down answers UNAVAILABLE instead of hanging a command.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database as Tables } from './schema.js';

/** How long a query waits for a connection (to a database that may be down) before failing (ms). */
export const CONNECT_TIMEOUT_MS = 5000;

const INT8_OID = 20;

/** pg's parsers, with int8 as a JavaScript number (see above). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The host and database of a postgres:// URL, for messages: never its user or password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * A pool of at most `max` connections to `url`. Errors of idle connections
 * (the server restarted, the network dropped) go to `onIdleError` instead of
 * crashing the process; the next query opens a new connection.
 */
export function postgresPool(url: string, { max = 10, onIdleError = () => undefined }: { max?: number; onIdleError?: (error: Error) => void } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'threshold',
    types,
  });
  pool.on('error', onIdleError);
  return pool;
}

/** Kysely over the pool; destroying it ends the pool. */
export function postgresKysely(pool: pg.Pool): Kysely<Tables> {
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}
