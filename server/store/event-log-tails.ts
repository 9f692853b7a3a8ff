// The end of each audit chain as the writer thread last wrote or read it
// (issue 14): an append links its audit entry after the kept end instead of
// reading it from the file each time. A kept end can be stale: another
// connection (the main thread's audit log, or a second server on the same
// file) may have appended to that chain since. It is never ahead of the file,
// since an end is kept only once its transaction has committed, and the unique
// index audit_by_chain (chain, position) refuses a link at a taken position.
// So a stale end shows as a constraint error on the insert; the writer then
// reads the end from the file and links again, within the same savepoint.
import type { ChainTail } from './audit.js';

/** How many chains' ends are kept: about one per live meeting; the oldest kept is dropped first. */
export const KEPT_TAILS = 4096;

export class ChainTails {
  private readonly kept = new Map<string, ChainTail>();
  /** Ends written by the open transaction: kept only if it commits. */
  private readonly staged = new Map<string, ChainTail>();

  constructor(private readonly limit: number = KEPT_TAILS) {}

  /** The end to link after, as this thread knows it (possibly stale); undefined: read it from the file. */
  known(chain: string): ChainTail | undefined {
    return this.staged.get(chain) ?? this.kept.get(chain);
  }

  /** `tail` is now the chain's end in the open transaction (once the append's savepoint is released). */
  stage(chain: string, tail: ChainTail): void {
    this.staged.set(chain, tail);
  }

  /** The open transaction committed: its ends are the chains' ends. */
  commit(): void {
    for (const [chain, tail] of this.staged) {
      // Re-inserted, so that the chains written most recently are dropped last.
      this.kept.delete(chain);
      this.kept.set(chain, tail);
    }
    this.staged.clear();
    for (const chain of this.kept.keys()) {
      if (this.kept.size <= this.limit) break;
      this.kept.delete(chain);
    }
  }

  /** The open transaction rolled back: nothing it wrote is an end. */
  discard(): void {
    this.staged.clear();
  }
}

/** Whether `error` is SQLite refusing a row for a taken unique key (on the audit insert: a stale end). */
export function isTakenPosition(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
