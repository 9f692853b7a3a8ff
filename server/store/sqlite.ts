// The embedded default store: one SQLite file in DATA_DIR, queried through
// Kysely, migrated at opening, with the event log appended by a writer thread.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Vault } from '../security/vault.js';
import { EventLogWriter } from './event-log-writer.js';
import type { AppendEvent } from './kysely/meetings.js';
import { noAppendInTransaction, repositories, StoreAggregates } from './kysely/repositories.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database as Tables } from './schema.js';
import { FILE_GONE, FileWatch } from './file-watch.js';
import { openSqlite, sqliteKysely } from './sqlite-connection.js';
import { StoreUnavailable } from './unavailable.js';
import type { Repositories, Store } from './types.js';
import { recordCheck, verifyKey } from './vault-check.js';

export class SqliteStore extends StoreAggregates implements Store {
  /** Appends to the event log go through a writer thread, so that no fsync stalls the event loop. */
  private readonly eventLog: EventLogWriter;

  private constructor(
    /** The raw connection, for tests and tools that need plain SQL; the store itself goes through `kysely`. */
    readonly db: Database.Database,
    private readonly kysely: Kysely<Tables>,
    file: string,
    private readonly vault: Vault,
    /** Whether the file is still the one opened (file-watch.ts). */
    private readonly watch: FileWatch,
    /** The vault's check value as stored (sealed), for the data directory's marker file (data-dir.ts). */
    readonly checkValue: string,
    eventLog = new EventLogWriter(file, vault.keyForWriterThread()),
  ) {
    const append: AppendEvent = (meetingId, stored, snapshot, phase, at, audit) =>
      eventLog.append({
        audit, meetingId, revision: stored.revision, commandId: stored.commandId, phase, at,
        // Sealed by the writer thread.
        eventJson: JSON.stringify(stored.event),
        snapshotJson: snapshot === null ? null : JSON.stringify(snapshot),
      });
    super(kysely, vault, append);
    this.eventLog = eventLog;
  }

  /**
   * Opens (or creates) the file and applies pending migrations before anything
   * else touches it. Names, letters, bottom lines, the log and snapshots are
   * sealed with `vault` before they reach the file. Throws VaultError if
   * `vault` is not the key the file was sealed with (checked before the
   * migrations) and MigrationError if a migration fails; either way the file is
   * left as it was. Writes the vault's check value on the first opening.
   */
  static async open(file: string, vault: Vault): Promise<SqliteStore> {
    const db = openSqlite(file);
    const watch = new FileWatch(file);
    const kysely = sqliteKysely(db, () => {
      if (watch.lost) throw new StoreUnavailable(`the store has lost its file: ${FILE_GONE}`);
    });
    try {
      verifyKey(db, vault);
      await migrateToLatest(kysely);
      return new SqliteStore(db, kysely, file, vault, watch, recordCheck(db, vault, Date.now()));
    } catch (error) {
      watch.stop();
      await kysely.destroy();
      // Kysely closes the connection only if it ever ran a query; the key check runs before any.
      if (db.open) db.close();
      throw error;
    }
  }

  /** The store in `dataDir`/threshold.sqlite, the directory created private if missing. */
  static inDirectory(dataDir: string, vault: Vault): Promise<SqliteStore> {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return SqliteStore.open(join(dataDir, 'threshold.sqlite'), vault);
  }

  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.kysely.transaction().execute((trx) => work(repositories(trx, this.vault, noAppendInTransaction)));
  }

  /**
   * Call `listener` once if the database file is found deleted or replaced
   * while open; from then on every query throws StoreUnavailable.
   */
  onFileLost(listener: () => void): void {
    this.watch.onLost(listener);
  }

  async close() {
    this.watch.stop();
    await this.eventLog.close();
    if (this.db.open) await this.kysely.destroy();
  }
}
