// Appends to the meetings' event log from a thread of its own. With
// synchronous=FULL each commit waits for an fsync (0.2 ms on a quiet SSD, 3 ms
// and more on a busy or slow disk); on the main thread that wait would stall
// every meeting's views and acks. The writer also groups the appends that
// arrive while an fsync is under way into one transaction (one savepoint per
// command, so one failed append does not take the others with it): one fsync
// for many meetings. An append resolves only once its transaction is durable.
// It also seals the event and snapshot with the vault's key, so that their
// encryption costs the event loop nothing either. The thread's code is
// event-log-thread.ts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditEntry } from './audit.js';

export interface Append {
  meetingId: string;
  revision: number;
  commandId: string;
  /** In the clear: the writer thread seals both before they reach the file. */
  eventJson: string;
  /** Null when this event stores no snapshot (issue 14: one every few events). */
  snapshotJson: string | null;
  phase: string;
  at: number;
  /** Joins the meeting's audit chain in the same transaction as the event. */
  audit: AuditEntry;
}

/**
 * The thread's entry module. Node 20 cannot load a .ts file in a worker, so
 * when this module itself runs from the TypeScript sources (under vitest) the
 * thread runs from the compiled dist/ copy, which `npm test` builds first.
 * Rebuilding the thread from function source text (as before) kept no
 * imports; a loader hook would add a dependency to production for the tests'
 * sake. Refusing a missing or stale dist/ copy keeps both threads on the same
 * code: a stale copy could hash the audit chain differently.
 */
export function threadEntry(here: string = import.meta.url): URL {
  if (here.endsWith('.js')) return new URL('./event-log-thread.js', here);
  const compiled = new URL('../../dist/server/store/event-log-thread.js', here);
  const rebuild = 'run `npx tsc -p tsconfig.build.json` (npm test does) before running from the sources';
  if (!existsSync(compiled)) {
    throw new Error(`the event-log writer thread runs from dist/server/store/event-log-thread.js, which is missing: ${rebuild}`);
  }
  const builtAt = statSync(compiled).mtimeMs;
  const sources = [new URL('./', here), new URL('../security/', here)].flatMap((dir) => newerSources(fileURLToPath(dir), builtAt));
  if (sources.length > 0) {
    throw new Error(`dist/ is older than ${sources[0]}, which the event-log writer thread uses: ${rebuild}`);
  }
  return compiled;
}

function newerSources(dir: string, than: number): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${dir}${name}`)
    .filter((path) => statSync(path).mtimeMs > than);
}

export class EventLogWriter {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private readonly entry = threadEntry();

  constructor(
    private readonly file: string,
    /** The vault's key: sealing (AES-GCM) runs on the writer's thread, not on the event loop. */
    private readonly key: Uint8Array,
  ) {}

  /** Resolves once the append is durable; rejects with the thread's reason (a taken revision or command id, a moved revision). */
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
    const worker = new Worker(this.entry, { workerData: { file: this.file, key: this.key } });
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
