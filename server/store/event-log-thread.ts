// The writer thread's entry (see event-log-writer.ts). It imports the same
// modules as the main thread: the vault's sealing, the audit chain's links
// and the append's queries, which it compiles with Kysely once, at start,
// and runs synchronously, so that many appends share one transaction and one fsync.
import type { Statement } from 'better-sqlite3';
import type { Compilable } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { Vault } from '../security/vault.js';
import { nextLink } from './audit.js';
import type { Append } from './event-log-writer.js';
import {
  advanceMeeting, advanceMeetingParameters, chainTail, chainTailParameters, insertAudit, insertAuditParameters, insertEvent, insertEventParameters,
  type SealedAppend,
} from './kysely/event-log-queries.js';
import { FILE_GONE, fileIdentity } from './file-watch.js';
import { BUSY_TIMEOUT_MS, openSqlite, sqliteCompiler } from './sqlite-connection.js';

const { file, key } = workerData as { file: string; key: Uint8Array };
const vault = Vault.fromKey(Buffer.from(key));
// Never creates the file: if it was deleted, an empty new one would hide that (issue 12, case 11).
const db = openSqlite(file, BUSY_TIMEOUT_MS.writerThread, { fileMustExist: true });
const identity = fileIdentity(file);
const compiler = sqliteCompiler();

/**
 * A statement compiled once from its Kysely query (issue 14: building and compiling the queries
 * for every append was about a fifth of this thread's CPU). Checked here, at start, against the
 * parameters Kysely binds for a sample, so that the explicit parameter lists cannot drift from
 * the queries: a mismatch stops the thread before it writes anything.
 */
function compiledOnce(query: Compilable, parameters: readonly unknown[]): Statement {
  const compiled = query.compile();
  if (!isDeepStrictEqual([...compiled.parameters], [...parameters])) throw new Error(`event log writer: parameters out of step with ${compiled.sql}`);
  return db.prepare(compiled.sql);
}

const sample: SealedAppend = { meetingId: 'm-sample', revision: 7, commandId: 'c-sample', eventSealed: 'e', snapshotSealed: 's', phase: 'speaking', at: 8 };
const kept: SealedAppend = { ...sample, snapshotSealed: null };
const sampleAudit = { at: 9, actorRole: 'facilitator', actorId: 'a', action: 'command', meetingId: 'm-sample', subjectId: 's', detail: { n: 1 } } as const;
const sampleLink = { position: 10, prevHash: 'p', hash: 'h' };
const statements = {
  insertEvent: compiledOnce(insertEvent(compiler, sample), insertEventParameters(sample)),
  advanceWithSnapshot: compiledOnce(advanceMeeting(compiler, sample), advanceMeetingParameters(sample)),
  advanceKeepingSnapshot: compiledOnce(advanceMeeting(compiler, kept), advanceMeetingParameters(kept)),
  chainTail: compiledOnce(chainTail(compiler, sample.meetingId), chainTailParameters(sample.meetingId)),
  insertAudit: compiledOnce(insertAudit(compiler, sampleAudit, sampleLink), insertAuditParameters(sampleAudit, sampleLink)),
};

const appendOne = db.transaction((a: Append) => {
  const sealed: SealedAppend = { ...a, eventSealed: vault.seal(a.eventJson), snapshotSealed: a.snapshotJson === null ? null : vault.seal(a.snapshotJson) };
  statements.insertEvent.run(insertEventParameters(sealed));
  // Guards against two writers (a second server on the same file): the log stays linear.
  const advance = sealed.snapshotSealed === null ? statements.advanceKeepingSnapshot : statements.advanceWithSnapshot;
  if (advance.run(advanceMeetingParameters(sealed)).changes !== 1) throw new Error('meeting revision moved underneath this write');
  // Read inside the write transaction, so the chain stays linear whichever connection writes next.
  const tail = statements.chainTail.get(chainTailParameters(a.audit.meetingId)) as { position: number; hash: string } | undefined;
  statements.insertAudit.run(insertAuditParameters(a.audit, nextLink(a.audit, tail)));
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
