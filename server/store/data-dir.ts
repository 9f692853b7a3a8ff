// Opening the data directory: the key, the database and the marker file, in
// an order that never makes things worse. A key is generated only for an
// empty database; a database that holds records opens only with its own key;
// and a directory that held a database (its key file, or its check file) but
// has lost it never gets a fresh one with set-up open to whoever comes first
// (issue 12, cases 10 and 11).
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Vault, VaultError } from '../security/vault.js';
import { SqliteStore } from './sqlite.js';
import { databaseHoldsRecords } from './vault-check.js';

export const DATABASE_FILE = 'threshold.sqlite';
/** The vault's check value, copied beside the database: it marks the directory as one that held a database. */
export const CHECK_FILE = 'threshold.check';

export interface DataDirectory {
  dataDir: string;
  /** THRESHOLD_KEY (base64), or undefined for the key file. */
  encryptionKey: string | undefined;
  keyFile: string;
  /** Called with the key file's path when a new key was written there (first start); never with the key. */
  onKeyCreated?: (keyFile: string) => void;
}

/** Whether the database file exists and holds records (see databaseHoldsRecords); reads only. */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    return databaseHoldsRecords(db);
  } finally {
    db.close();
  }
}

/**
 * Opens the store in `dataDir`, or throws VaultError saying what is wrong and
 * what to do: a wrong key, a missing key file beside a database with records,
 * or a key or check file without its database. Nothing is created or changed
 * before those checks pass.
 */
export async function openDataDirectory({ dataDir, encryptionKey, keyFile, onKeyCreated }: DataDirectory): Promise<SqliteStore> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DATABASE_FILE);
  const checkFile = join(dataDir, CHECK_FILE);
  const inUse = databaseInUse(file);
  if (!inUse && (existsSync(checkFile) || (!encryptionKey && existsSync(keyFile)))) {
    throw new VaultError(
      `the data directory ${dataDir} holds a key or a check value but no database (${DATABASE_FILE} is missing or empty): ` +
        'it was deleted or moved. Restore it from a backup (docs/reliability.md); to start afresh on purpose, ' +
        `move ${CHECK_FILE} and the key file away first. Set-up is not offered over a directory that held records.`,
    );
  }
  const release = holdDirectory(dataDir);
  try {
    const vault = Vault.load(encryptionKey, keyFile, { mayCreate: !inUse, onCreated: onKeyCreated });
    keepPrivate(file);
    const store = await SqliteStore.open(file, vault);
    writeMarker(checkFile, store.checkValue);
    const close = store.close.bind(store);
    store.close = async () => {
      await close();
      release();
    };
    return store;
  } catch (error) {
    release();
    throw error;
  }
}

export const LOCK_FILE = 'threshold.lock';

/**
 * One server per data directory: a second one would restore the same meetings
 * and refuse every command the first had already moved past, with "try again"
 * that can never work (a newcomer's finding). The lock file holds the owner's
 * pid; one left by a process that no longer runs (a SIGKILL, a power cut) is
 * taken over. Returns the release.
 */
function holdDirectory(dataDir: string): () => void {
  const lockFile = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && running(owner)) {
        throw new VaultError(
          `another Threshold server (process ${owner}) is already using the data directory ${dataDir}. ` +
            'Stop it first, or give this one its own DATA_DIR.',
        );
      }
      rmSync(lockFile, { force: true }); // left by a process that is gone
    }
  }
  throw new VaultError(`the data directory ${dataDir} could not be locked; check that nothing else is starting in it`);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The database readable by this user only, whatever the umask; SQLite gives its -wal and -shm files the same mode. */
function keepPrivate(file: string): void {
  if (existsSync(file)) chmodSync(file, 0o600);
  else writeFileSync(file, '', { mode: 0o600 });
}

/** The check file, replaced atomically when it differs (a rotated key, a restored backup). */
function writeMarker(checkFile: string, checkValue: string): void {
  if (existsSync(checkFile) && readFileSync(checkFile, 'utf8').trim() === checkValue) return;
  writeFileSync(`${checkFile}.tmp`, checkValue + '\n', { mode: 0o600 });
  renameSync(`${checkFile}.tmp`, checkFile);
}
