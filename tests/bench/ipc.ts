// Request/response over the IPC channel of a forked child, so that the
// orchestrator can drive servers and load generators and read their metrics.
// A child whose parent goes away exits too: the bench never leaves strays.
import { fork, type ChildProcess } from 'node:child_process';

type Handler = (message: Record<string, unknown>) => unknown;

interface Reply {
  replyTo: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** In a child: answer the parent's requests with these handlers. */
export function serve(handlers: Record<string, Handler>): void {
  process.on('message', (raw) => {
    const message = raw as { id?: number; type?: string } & Record<string, unknown>;
    if (typeof message.id !== 'number' || typeof message.type !== 'string') return;
    const handler = handlers[message.type];
    const reply = (body: Omit<Reply, 'replyTo'>) => process.send?.({ replyTo: message.id, ...body });
    if (!handler) return reply({ ok: false, error: `unknown request ${message.type}` });
    Promise.resolve()
      .then(() => handler(message))
      .then(
        (result) => reply({ ok: true, result }),
        (error: unknown) => reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  process.on('disconnect', () => process.exit(0));
}

/** In a child: tell the parent something it did not ask for (e.g. "ready"). */
export function announce(type: string, body: Record<string, unknown> = {}): void {
  process.send?.({ announce: type, ...body });
}

const running = new Set<Child>();

/** A forked child process driven over IPC. */
export class Child {
  readonly process: ChildProcess;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private readonly announced = new Map<string, Array<(body: Record<string, unknown>) => void>>();
  stderr = '';
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly name: string,
    script: string,
    options: { args?: string[]; env?: Record<string, string>; execArgv?: string[] } = {},
  ) {
    this.process = fork(script, options.args ?? [], {
      env: { ...process.env, ...options.env },
      execArgv: options.execArgv ?? [],
      stdio: ['ignore', process.env.BENCH_CHILD_STDOUT ? 'inherit' : 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    running.add(this);
    this.process.stderr!.on('data', (chunk: Buffer) => {
      // Keep the tail only: it is for the error message when a child dies.
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.process.on('message', (raw) => this.onMessage(raw as Record<string, unknown>));
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        running.delete(this);
        for (const [id, pending] of this.waiting) {
          clearTimeout(pending.timer);
          pending.reject(new Error(`${this.name} exited (${signal ?? code}) during a request: ${this.stderr.slice(-1500)}`));
          this.waiting.delete(id);
        }
        resolve({ code, signal });
      });
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  private onMessage(message: Record<string, unknown>) {
    if (typeof message.replyTo === 'number') {
      const pending = this.waiting.get(message.replyTo);
      if (!pending) return;
      this.waiting.delete(message.replyTo);
      clearTimeout(pending.timer);
      const reply = message as unknown as Reply;
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(new Error(`${this.name}: ${reply.error}`));
      return;
    }
    if (typeof message.announce === 'string') {
      const listeners = this.announced.get(message.announce) ?? [];
      this.announced.delete(message.announce);
      for (const listener of listeners) listener(message);
    }
  }

  request<T = unknown>(type: string, body: Record<string, unknown> = {}, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${this.name}: no answer to ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.process.send({ id, type, ...body });
    });
  }

  /** Wait for the child to announce `type` (e.g. "ready"), or fail when it exits or the time is up. */
  announcement(type: string, timeoutMs: number): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no "${type}" within ${timeoutMs} ms: ${this.stderr.slice(-1500)}`)), timeoutMs);
      const list = this.announced.get(type) ?? [];
      list.push((body) => {
        clearTimeout(timer);
        resolve(body);
      });
      this.announced.set(type, list);
      void this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited (${signal ?? code}) before "${type}": ${this.stderr.slice(-1500)}`));
      });
    });
  }

  /** Signal the child and wait until it is gone (SIGKILL after `graceMs`). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.kill(signal);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Kill every child still running, by its own pid: used on exit and on error. */
export function killAllChildren(): void {
  for (const child of running) {
    try {
      child.process.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}
