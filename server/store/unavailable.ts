// Which store errors mean "the store cannot answer now" rather than a bug:
// another process holds the lock, the disk failed or filled, the file is gone.
// The HTTP layer answers them 503 UNAVAILABLE and the socket layer UNAVAILABLE,
// with a message that says to try again, never the error's own words.

/** The store cannot serve right now (its file is gone or replaced, see sqlite.ts); thrown instead of touching it. */
export class StoreUnavailable extends Error {
  readonly code = 'STORE_UNAVAILABLE';
}

/** SQLite's result codes (better-sqlite3's `SqliteError.code`) that say the store, not the request, is at fault. */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|READONLY|FULL|PROTOCOL|NOTADB)(_|$)/;

/**
 * PostgreSQL's (pg's `code`): SQLSTATE classes 08 (connection), 53 (out of
 * resources: disk, memory, connections), 57P (shut down, starting, crashed),
 * and the socket errors of a server that is unreachable.
 */
const POSTGRES_UNAVAILABLE = /^(08...|53...|57P0[1-4]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND)$/;

/** True for StoreUnavailable, SQLite's lock, I/O and missing-file errors (of any thread's connection) and PostgreSQL's connection errors. */
export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailable) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.test(code) || POSTGRES_UNAVAILABLE.test(code))) return true;
  // The writer thread's errors cross as messages only.
  const message = error instanceof Error ? error.message : '';
  return /database is locked|database table is locked|disk I\/O error|database or disk is full|unable to open database|database file is gone|has lost its file|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message);
}
