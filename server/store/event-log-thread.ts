// The writer thread's entry (see event-log-writer.ts). It imports the same
// modules as the main thread: the vault's sealing, the audit chain's links
// and the append's queries, which it compiles with Kysely and runs
// synchronously, so that many appends share one transaction and one fsync.
import type { Statement } from 'better-sqlite3';
import type { Compilable } from 'kysely';
import { parentPort, workerData } from 'node:worker_threads';
import { Vault } from '../security/vault.js';
import { nextLink } from './audit.js';
import type { Append } from './event-log-writer.js';
import { advanceMeeting, chainTail, insertAudit, insertEvent, type SealedAppend } from './kysely/event-log-queries.js';
import { FILE_GONE, fileIdentity } from './file-watch.js';
import { BUSY_TIMEOUT_MS, openSqlite, sqliteCompiler } from './sqlite-connection.js';

const { file, key } = workerData as { file: string; key: Uint8Array };
const vault = Vault.fromKey(Buffer.from(key));
// Never creates the file: if it was deleted, an empty new one would hide that (issue 12, case 11).
const db = openSqlite(file, BUSY_TIMEOUT_MS.writerThread, { fileMustExist: true });
const identity = fileIdentity(file);
const compiler = sqliteCompiler();
const statements = new Map<string, Statement>();

/** The query's statement (prepared once per SQL text) and its parameters. */
function prepared(query: Compilable): [Statement, readonly unknown[]] {
  const { sql, parameters } = query.compile();
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return [statement, parameters];
}

const run = (query: Compilable) => {
  const [statement, parameters] = prepared(query);
  return statement.run(parameters);
};
const first = <T>(query: Compilable) => {
  const [statement, parameters] = prepared(query);
  return statement.get(parameters) as T | undefined;
};

const appendOne = db.transaction((a: Append) => {
  const sealed: SealedAppend = { ...a, eventSealed: vault.seal(a.eventJson), snapshotSealed: a.snapshotJson === null ? null : vault.seal(a.snapshotJson) };
  run(insertEvent(compiler, sealed));
  // Guards against two writers (a second server on the same file): the log stays linear.
  if (run(advanceMeeting(compiler, sealed)).changes !== 1) throw new Error('meeting revision moved underneath this write');
  // Read inside the write transaction, so the chain stays linear whichever connection writes next.
  const tail = first<{ position: number; hash: string }>(chainTail(compiler, a.audit.meetingId));
  run(insertAudit(compiler, a.audit, nextLink(a.audit, tail)));
});

// One savepoint per append inside one transaction: one failed append does not take the others with it.
const appendAll = db.transaction((items: Array<Append & { id: number }>) =>
  items.map((a) => {
    try {
      appendOne(a);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }),
);

let queue: Array<Append & { id: number }> = [];
let flushing = false;

function flush() {
  flushing = false;
  const items = queue;
  queue = [];
  if (items.length === 0) return;
  let errors: Array<string | null>;
  try {
    // A stat per group of appends, off the event loop: nothing is acknowledged into a file without a name.
    if (fileIdentity(file) !== identity) throw new Error(FILE_GONE);
    errors = appendAll(items);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    errors = items.map(() => message);
  }
  parentPort!.postMessage(items.map((a, i) => ({ id: a.id, error: errors[i] })));
}

parentPort!.on('message', (message: 'close' | (Append & { id: number })) => {
  if (message === 'close') {
    flush();
    db.close();
    parentPort!.postMessage('closed');
    return;
  }
  queue.push(message);
  if (!flushing) {
    flushing = true;
    // Appends that arrive while this turn runs join the same transaction.
    setImmediate(flush);
  }
});
