// Opening the SQLite file for Kysely. Three things here are particular to
// SQLite and would not exist in a PostgreSQL store:
// - WAL mode with synchronous=FULL, so that an acknowledged command survives a power cut;
// - transactions begin IMMEDIATE: the writer thread is a second connection to
//   the same file, and a deferred transaction that reads and then writes could
//   fail with SQLITE_BUSY instead of waiting for the lock (busy_timeout waits);
// - how long a connection waits for another's lock depends on its thread: the
//   main thread's connection is synchronous, so every moment it waits, every
//   meeting waits with it (issue 12, case 12); the writer thread is off the loop;
// - SQLite's DDL is transactional (Kysely's adapter does not claim it), so all
//   pending migrations run in one transaction and a failing one changes nothing.
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database as Tables } from './schema.js';

/**
 * How long a connection waits for another connection's write lock before its
 * query fails with SQLITE_BUSY (ms). The main thread's wait freezes the event
 * loop, so it is short: long enough for the writer thread's grouped commit
 * (milliseconds), short enough that a lock held by another process costs the
 * meetings a blink, not seconds. The writer thread waits longer, so that a
 * command survives a brief lock, but answers before a client gives up (5 s).
 */
export const BUSY_TIMEOUT_MS = { mainThread: 200, writerThread: 3000 } as const;

/**
 * A connection to `file` with the pragmas every Threshold connection uses;
 * `busyTimeoutMs` per BUSY_TIMEOUT_MS. With `fileMustExist` a missing file
 * throws instead of being created empty (the writer thread: see file-watch.ts).
 */
export function openSqlite(
  file: string,
  busyTimeoutMs: number = BUSY_TIMEOUT_MS.mainThread,
  { fileMustExist = false }: { fileMustExist?: boolean } = {},
): Database.Database {
  const db = new Database(file, { fileMustExist });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  return db;
}

/**
 * better-sqlite3 behind Kysely's SqliteDatabase, preparing each distinct SQL
 * text once: Kysely prepares on every query, and the handshake's lookups run
 * on every connection. Bounded, as a revoke of n links has its own text per n.
 */
export function withStatementCache(db: Database.Database, limit = 256, guard: () => void = () => undefined): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      // Kysely prepares before every query: the place to refuse a store that has lost its file.
      guard();
      let statement = cache.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ThresholdSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Kysely over an open connection; destroying it closes the connection. `guard` runs before each query and may throw. */
export function sqliteKysely(db: Database.Database, guard?: () => void): Kysely<Tables> {
  return new Kysely<Tables>({ dialect: new ThresholdSqliteDialect({ database: withStatementCache(db, 256, guard) }) });
}

/** Kysely that only compiles queries to SQLite's SQL, for code that runs them synchronously itself (the writer thread). */
export function sqliteCompiler(): Kysely<Tables> {
  return new Kysely<Tables>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}
