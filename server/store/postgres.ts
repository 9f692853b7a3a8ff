// The PostgreSQL store (issue 17): the same repositories and migrations as
// SQLite, over pg 8. Selected by DATABASE_URL (server/store/open.ts). An
// accepted command is one ordinary transaction: the meeting moves from the
// expected revision (`… WHERE revision = $expected`), the event joins the log
// and the audit entry joins the meeting's chain, sealed by the vault here on
// the main thread. docs/store.md, "PostgreSQL".
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Vault } from '../security/vault.js';
import { nextLink } from './audit.js';
import { serialiseOn } from './kysely/atomic.js';
import { advanceMeeting, chainKey, chainTail, insertAudit, insertEvent, type SealedAppend } from './kysely/event-log-queries.js';
import type { AppendEvent } from './kysely/meetings.js';
import { noAppendInTransaction, repositories, StoreAggregates } from './kysely/repositories.js';
import { migrateToLatest } from './migrations/index.js';
import { postgresKysely, postgresPool } from './postgres-connection.js';
import { recordCheck, verifyKey } from './postgres-vault-check.js';
import type { Database as Tables } from './schema.js';
import type { Repositories, Store } from './types.js';

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Told of errors on idle connections (the database restarted); never given query text. */
  onIdleError?: (error: Error) => void;
}

/** One accepted command in one transaction (see the file's comment); rejects if the revision moved or the command id is taken. */
function appendIn(kysely: Kysely<Tables>, vault: Vault): AppendEvent {
  return (meetingId, stored, snapshot, phase, at, audit) =>
    kysely.transaction().execute(async (tx) => {
      const a: SealedAppend = {
        meetingId, revision: stored.revision, commandId: stored.commandId, phase, at,
        eventSealed: vault.seal(JSON.stringify(stored.event)), snapshotSealed: snapshot === null ? null : vault.seal(JSON.stringify(snapshot)),
      };
      // First, so that it takes the meeting's row lock: a second writer at the same revision waits
      // here, then finds the revision moved and changes nothing (the fence; two writers never both win).
      const moved = await advanceMeeting(tx, a).executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new Error('meeting revision moved underneath this write');
      await insertEvent(tx, a).execute();
      await serialiseOn(tx, chainKey(audit.meetingId));
      const tail = await chainTail(tx, audit.meetingId).executeTakeFirst();
      await insertAudit(tx, audit, nextLink(audit, tail)).execute();
    });
}

export class PostgresStore extends StoreAggregates implements Store {
  private constructor(
    private readonly kysely: Kysely<Tables>,
    private readonly vault: Vault,
    /** The vault's check value as stored (sealed). */
    readonly checkValue: string,
  ) {
    super(kysely, vault, appendIn(kysely, vault));
  }

  /**
   * Connects to `url`, checks that `vault` is the key the database was sealed
   * with (VaultError if not: nothing is changed), applies pending migrations
   * (all in one transaction: MigrationError, and nothing applied, if one fails;
   * Kysely's migration lock keeps two starting servers from both migrating) and
   * writes the check value on the first opening. Connection errors are pg's
   * (see isStoreUnavailable).
   */
  static async open(url: string, vault: Vault, options: PostgresOptions = {}): Promise<PostgresStore> {
    return PostgresStore.over(postgresPool(url, { max: options.poolSize, onIdleError: options.onIdleError }), vault);
  }

  /** The store over an existing pool, which it then owns (closing the store ends it). */
  static async over(pool: pg.Pool, vault: Vault): Promise<PostgresStore> {
    const kysely = postgresKysely(pool);
    try {
      await verifyKey(kysely, vault);
      await migrateToLatest(kysely);
      return new PostgresStore(kysely, vault, await recordCheck(kysely, vault, Date.now()));
    } catch (error) {
      await kysely.destroy();
      throw error;
    }
  }

  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.kysely.transaction().execute((trx) => work(repositories(trx, this.vault, noAppendInTransaction)));
  }

  async close() {
    await this.kysely.destroy();
  }
}
