// The writer thread's entry (see event-log-writer.ts). It imports the same
// modules as the main thread: the vault's sealing, the audit chain's links
// and the append's queries, which it compiles with Kysely once, at start,
// and runs synchronously, so that many appends share one transaction and one fsync.
import type { Statement } from 'better-sqlite3';
import type { Compilable } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { Vault } from '../security/vault.js';
import { chainOf, nextLink, type AuditEntry, type ChainTail } from './audit.js';
import type { Append } from './event-log-writer.js';
import {
  advanceMeeting, advanceMeetingInPhase, advanceMeetingInPhaseParameters, advanceMeetingParameters, chainTail, chainTailParameters, insertAudit, insertAuditParameters, insertEvent, insertEventParameters,
  type SealedAppend,
} from './kysely/event-log-queries.js';
import { ChainTails, isTakenPosition } from './event-log-tails.js';
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
  advanceInPhaseWithSnapshot: compiledOnce(advanceMeetingInPhase(compiler, sample), advanceMeetingInPhaseParameters(sample)),
  advanceInPhaseKeepingSnapshot: compiledOnce(advanceMeetingInPhase(compiler, kept), advanceMeetingInPhaseParameters(kept)),
  chainTail: compiledOnce(chainTail(compiler, sample.meetingId), chainTailParameters(sample.meetingId)),
  insertAudit: compiledOnce(insertAudit(compiler, sampleAudit, sampleLink), insertAuditParameters(sampleAudit, sampleLink)),
};
const tails = new ChainTails();

/** Moves the meeting's row to the append's revision; throws if another writer (a second server on the same file) moved it first. */
function advance(sealed: SealedAppend): void {
  const keeping = sealed.snapshotSealed === null;
  const inPhase = keeping ? statements.advanceInPhaseKeepingSnapshot : statements.advanceInPhaseWithSnapshot;
  if (inPhase.run(advanceMeetingInPhaseParameters(sealed)).changes === 1) return;
  // The phase changes, or the revision moved: the statement with the phase tells which.
  const withPhase = keeping ? statements.advanceKeepingSnapshot : statements.advanceWithSnapshot;
  if (withPhase.run(advanceMeetingParameters(sealed)).changes !== 1) throw new Error('meeting revision moved underneath this write');
}

/** Links `entry` after its chain's end (kept, else read in this transaction); returns the chain's new end. */
function linkAudit(entry: AuditEntry): ChainTail {
  const known = tails.known(chainOf(entry.meetingId));
  if (known !== undefined) {
    const link = nextLink(entry, known);
    try {
      statements.insertAudit.run(insertAuditParameters(entry, link));
      return { position: link.position, hash: link.hash };
    } catch (error) {
      // Another connection appended to the chain since: only the statement was undone; read the end.
      if (!isTakenPosition(error)) throw error;
    }
  }
  // Read inside the write transaction, so the chain stays linear whichever connection writes next.
  const tail = statements.chainTail.get(chainTailParameters(entry.meetingId)) as ChainTail | undefined;
  const link = nextLink(entry, tail);
  statements.insertAudit.run(insertAuditParameters(entry, link));
  return { position: link.position, hash: link.hash };
}

/** One append's statements; returns its audit chain's new end. */
function appendOne(a: Append): ChainTail {
  const sealed: SealedAppend = { ...a, eventSealed: vault.seal(a.eventJson), snapshotSealed: a.snapshotJson === null ? null : vault.seal(a.snapshotJson) };
  statements.insertEvent.run(insertEventParameters(sealed));
  advance(sealed);
  return linkAudit(a.audit);
}

const appendInSavepoint = db.transaction(appendOne);

// One savepoint per append inside one transaction: one failed append does not take the others with it.
// A group of one needs none (issue 14: at the bench's rate most groups hold one append): if its
// append fails, the whole transaction rolls back, and the caller answers with the reason.
// An append's chain end is staged once its statements are all in, kept once the transaction commits.
const appendGroup = db.transaction((items: Array<Append & { id: number }>): Array<string | null> => {
  if (items.length === 1) {
    tails.stage(chainOf(items[0]!.audit.meetingId), appendOne(items[0]!));
    return [null];
  }
  return items.map((a) => {
    try {
      tails.stage(chainOf(a.audit.meetingId), appendInSavepoint(a));
      return null;
    } catch (error) {
      return reason(error);
    }
  });
});

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
    errors = appendGroup(items);
    tails.commit();
  } catch (error) {
    // A failed group changed nothing in the file: neither may it change the chains' ends.
    tails.discard();
    const message = reason(error);
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
