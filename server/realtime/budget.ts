// Budgets for inbound messages (token buckets): a tablet stuck in a loop, or
// someone scripting against a link, cannot crowd out the other meetings this
// server runs. A budget belongs to a person, a link or a session, not to one
// connection: twenty sockets opened on one token share one budget (issue 12,
// case 1).

/** A budget refills in this many seconds: its burst is this many seconds' worth. */
export const BURST_SECONDS = 5;

export class MessageBudget {
  private tokens: number;
  private last: number;

  /** `perSecond` sustained, with bursts of `burst` messages (five seconds' worth by default); `clock` in epoch ms. */
  constructor(
    private readonly clock: () => number,
    private readonly perSecond: number,
    private readonly burst = perSecond * BURST_SECONDS,
  ) {
    this.tokens = burst;
    this.last = clock();
  }

  /** Spend one message; false when the budget is spent (the message is refused). */
  take(): boolean {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

interface Held {
  budget: MessageBudget;
  connections: number;
  forget: NodeJS.Timeout | null;
}

/**
 * The budgets of everyone connected, by key (a participant, a link, a facilitator's session).
 * A budget outlives its last connection until it would have refilled, so closing and reopening
 * a socket does not buy a fresh burst.
 */
export class SharedBudgets {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly clock: () => number,
    private readonly perSecond: number,
  ) {}

  /** The budget every connection holding `key` shares; call `release` once, when this connection closes. */
  hold(key: string): { budget: MessageBudget; release: () => void } {
    let entry = this.held.get(key);
    if (!entry) {
      entry = { budget: new MessageBudget(this.clock, this.perSecond), connections: 0, forget: null };
      this.held.set(key, entry);
    }
    if (entry.forget) clearTimeout(entry.forget);
    entry.forget = null;
    entry.connections += 1;
    const held = entry;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      if (--held.connections > 0) return;
      held.forget = setTimeout(() => {
        if (held.connections === 0 && this.held.get(key) === held) this.held.delete(key);
      }, BURST_SECONDS * 1000);
      held.forget.unref();
    };
    return { budget: entry.budget, release };
  }

  /** How many budgets are kept (connected, or refilling after their last connection left). */
  get size(): number {
    return this.held.size;
  }
}
