// Appends to the meetings' event log from a thread of its own. With
// synchronous=FULL each commit waits for an fsync (0.2 ms on a quiet SSD, 3 ms
// and more on a busy or slow disk); on the main thread that wait would stall
// every meeting's views and acks. The writer also groups the appends that
// arrive while an fsync is under way into one transaction (one savepoint per
// command, so one failed append does not take the others with it): one fsync
// for many meetings. An append resolves only once its transaction is durable.
// It also seals the event and snapshot with the vault's key, so that their
// encryption costs the event loop nothing either.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sealWith } from '../security/vault.js';
import { chainHash, GENESIS_HASH, type AuditEntry } from './audit.js';

export interface Append {
  meetingId: string;
  revision: number;
  commandId: string;
  /** In the clear: the writer thread seals both before they reach the file. */
  eventJson: string;
  snapshotJson: string;
  phase: string;
  at: number;
  /** Joins the hash-chained audit log in the same transaction as the event. */
  audit: AuditEntry;
}

// Plain JavaScript run as an ES module from a data: URL, so that the same code
// works from dist/ and from the TypeScript sources under vitest.
const WRITER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
import { createHash, createCipheriv, randomBytes } from 'node:crypto';
const chainHash = ${chainHash.toString()};
const sealWith = ${sealWith.toString()};
const seal = (text) => sealWith({ createCipheriv, randomBytes }, workerData.key, text);
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const { default: Database } = await import(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const insertEvent = db.prepare('INSERT INTO events (meeting_id, revision, command_id, event_json, at) VALUES (?, ?, ?, ?, ?)');
const updateSnapshot = db.prepare('UPDATE meetings SET snapshot_json = ?, revision = ?, phase = ?, updated_at = ? WHERE id = ? AND revision = ?');
const lastAudit = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
const insertAudit = db.prepare('INSERT INTO audit (seq, at, actor_role, actor_id, action, meeting_id, subject_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const appendOne = db.transaction((a) => {
  insertEvent.run(a.meetingId, a.revision, a.commandId, seal(a.eventJson), a.at);
  const changed = updateSnapshot.run(seal(a.snapshotJson), a.revision, a.phase, a.at, a.meetingId, a.revision - 1);
  // Guards against two writers (a second server on the same file): the log stays linear.
  if (changed.changes !== 1) throw new Error('meeting revision moved underneath this write');
  // Read inside the write transaction, so the chain stays linear whichever connection writes next.
  const last = lastAudit.get();
  const entry = { ...a.audit, seq: (last?.seq ?? 0) + 1 };
  const prev = last?.hash ?? '${GENESIS_HASH}';
  const e = entry;
  insertAudit.run(e.seq, e.at, e.actorRole, e.actorId, e.action, e.meetingId, e.subjectId, e.detail === null ? null : JSON.stringify(e.detail), prev, chainHash(sha256, prev, e));
});
const appendAll = db.transaction((items) => items.map((a) => {
  try {
    appendOne(a);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}));
let queue = [];
let flushing = false;
const flush = () => {
  flushing = false;
  const items = queue;
  queue = [];
  if (items.length === 0) return;
  let errors;
  try {
    errors = appendAll(items);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    errors = items.map(() => message);
  }
  parentPort.postMessage(items.map((a, i) => ({ id: a.id, error: errors[i] })));
};
parentPort.on('message', (message) => {
  if (message === 'close') {
    flush();
    db.close();
    parentPort.postMessage('closed');
    return;
  }
  queue.push(message);
  if (!flushing) {
    flushing = true;
    setImmediate(flush);
  }
});
`;

const DRIVER = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;

export class EventLogWriter {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  constructor(
    private readonly file: string,
    /** The vault's key: sealing (AES-GCM) runs here, on the writer's thread, not on the event loop. */
    private readonly key: Uint8Array,
  ) {}

  append(entry: Append): Promise<void> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...entry });
    });
  }

  /** Write what is queued, then stop the thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      worker.on('message', (message) => {
        if (message === 'closed') {
          clearTimeout(timer);
          resolve();
        }
      });
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage('close');
    });
    await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WRITER_SOURCE)}`), {
      workerData: { driver: DRIVER, file: this.file, key: this.key },
    });
    // The server's sockets keep the process alive; a forgotten store must not.
    worker.unref();
    worker.on('message', (results: unknown) => {
      if (!Array.isArray(results)) return;
      for (const { id, error } of results as Array<{ id: number; error: string | null }>) {
        const waiting = this.pending.get(id);
        this.pending.delete(id);
        if (!waiting) continue;
        if (error === null) waiting.resolve();
        else waiting.reject(new Error(error));
      }
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`event log writer stopped (${code})`)));
    this.worker = worker;
    return worker;
  }
}
