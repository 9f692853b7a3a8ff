// Which store a server runs on: PostgreSQL when DATABASE_URL is set (issue 17),
// otherwise the SQLite file in DATA_DIR exactly as before (data-dir.ts). The
// PostgreSQL side mirrors what data-dir.ts does for a directory, in the same
// order: reach the database, hold it against a second server, load the key
// (created only for a database without records), open, verify, migrate.
import type pg from 'pg';
import type { Config } from '../config.js';
import { Vault, VaultError } from '../security/vault.js';
import { openDataDirectory } from './data-dir.js';
import { PostgresStore } from './postgres.js';
import { describeDatabase, postgresKysely, postgresPool } from './postgres-connection.js';
import { databaseHoldsRecords, verifyKey } from './postgres-vault-check.js';
import type { Store } from './types.js';

export interface OpenOptions {
  /** Called with the key file's path when a new key was written there (first start); never with the key. */
  onKeyCreated?: (keyFile: string) => void;
  /** Told when the database connection fails while idle or the server lock's connection drops; gets no query text. */
  onDatabaseError?: (error: Error) => void;
  /**
   * Several processes share the database (REDIS_URL, issue 17): each holds the
   * server lock shared, not alone, and their starts (migrations, the key check)
   * take turns. A lone server and shared ones still exclude each other.
   */
  shared?: boolean;
}

/** The store `config` asks for: PostgresStore with a DATABASE_URL, else the data directory's SqliteStore. Throws VaultError for a start that must stop. */
export async function openStore(config: Config, options: OpenOptions = {}): Promise<Store> {
  if (config.databaseUrl) return openPostgresDatabase(config.databaseUrl, config, { shared: config.redisUrl !== null, ...options });
  return openDataDirectory({ ...config, onKeyCreated: options.onKeyCreated });
}

/**
 * What the data directory's lock file is for SQLite: one server per database,
 * unless the servers share it (REDIS_URL), each then holding it shared and
 * owning meetings one by one (server/cluster, docs/deployment.md). A
 * session-level advisory lock, held by one connection for the server's life;
 * PostgreSQL drops it with that connection, so a killed server's lock goes with it.
 */
export const SERVER_LOCK = 'threshold server';
/** Held while a shared server starts, so that two never migrate or seal the key check at once. */
const START_LOCK = 'threshold start';

async function holdDatabase(pool: pg.Pool, where: string, onError: (error: Error) => void, shared: boolean): Promise<pg.PoolClient> {
  let holder: pg.PoolClient;
  try {
    holder = await pool.connect();
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error instanceof Error ? error.message : 'unknown error');
    throw new VaultError(`cannot reach the database at ${where} (${code}): check DATABASE_URL and that PostgreSQL is running`);
  }
  holder.on('error', onError);
  let held = false;
  try {
    const take = shared ? 'pg_try_advisory_lock_shared' : 'pg_try_advisory_lock';
    held = (await holder.query<{ held: boolean }>(`SELECT ${take}(hashtextextended($1, 0)) AS held`, [SERVER_LOCK])).rows[0]?.held === true;
    if (held && shared) await holder.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [START_LOCK]);
  } finally {
    // Back to the pool, closed, unless it holds the lock: ending the pool would wait for it.
    if (!held) holder.release(true);
  }
  if (!held && shared) {
    throw new VaultError(
      `a Threshold server without REDIS_URL is already using the database at ${where}: servers sharing a database ` +
        'all need REDIS_URL (docs/deployment.md). Stop it first, or give this one its own database.',
    );
  }
  if (!held) {
    throw new VaultError(
      `another Threshold server is already using the database at ${where}. Without REDIS_URL one server runs per database ` +
        '(docs/deployment.md): stop it first, give this one its own database, or set REDIS_URL on every server sharing it.',
    );
  }
  return holder;
}

/** Opens the PostgreSQL store at `url`: see the file's comment. Throws VaultError (unreachable, held, wrong or missing key) or MigrationError. */
export async function openPostgresDatabase(
  url: string,
  { encryptionKey, keyFile }: Pick<Config, 'encryptionKey' | 'keyFile'>,
  { onKeyCreated, onDatabaseError = () => undefined, shared = false }: OpenOptions = {},
): Promise<PostgresStore> {
  const pool = postgresPool(url, { onIdleError: onDatabaseError });
  const where = describeDatabase(url);
  let holder: pg.PoolClient | undefined;
  try {
    holder = await holdDatabase(pool, where, onDatabaseError, shared);
    // Not destroyed: that would end the pool, which the store goes on to own.
    const inUse = await databaseHoldsRecords(postgresKysely(pool));
    const vault = Vault.load(encryptionKey, keyFile, { mayCreate: !inUse, onCreated: onKeyCreated });
    // Checked here as well as in PostgresStore.over: a wrong key (after a key
    // rotation, say) must stop the start, and over's own clean-up ends the
    // pool, which would wait forever for the lock's connection held above.
    await verifyKey(postgresKysely(pool), vault);
    const store = await PostgresStore.over(pool, vault);
    if (shared) await holder.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [START_LOCK]);
    const close = store.close.bind(store);
    const lock = holder;
    store.close = async () => {
      // Released first: ending the pool waits for its connections to come back.
      await lock.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      lock.release(true);
      await close();
    };
    return store;
  } catch (error) {
    holder?.release(true);
    await pool.end().catch(() => undefined);
    throw error;
  }
}
