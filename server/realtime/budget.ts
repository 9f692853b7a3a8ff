// A per-connection budget for inbound messages (a token bucket): a tablet
// stuck in a loop, or someone scripting against a link, cannot crowd out
// the other meetings this server runs.
export class MessageBudget {
  private tokens: number;
  private last: number;

  /** `perSecond` sustained, with bursts of five seconds' worth. */
  constructor(
    private readonly clock: () => number,
    private readonly perSecond: number,
    private readonly burst = perSecond * 5,
  ) {
    this.tokens = burst;
    this.last = clock();
  }

  take(): boolean {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
