// Per-account lockout after repeated failed logins, on top of the per-IP rate
// limit: guessing one account's password from many addresses stops too. Kept
// in memory (a restart clears it; an attacker cannot restart the server), keyed
// by the email as typed, so unknown accounts lock the same way and the answer
// does not reveal which emails exist.
export class LoginLockout {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly clock: () => number,
    readonly maxFailures = 5,
    readonly lockMs = 15 * 60_000,
    private readonly capacity = 10_000,
  ) {}

  /** Milliseconds left on a lock, or 0. */
  lockedFor(email: string): number {
    const entry = this.failures.get(key(email));
    return entry ? Math.max(0, entry.lockedUntil - this.clock()) : 0;
  }

  /**
   * Counts an attempt before its password is checked, and answers the
   * milliseconds left on a lock (0: go ahead). Synchronous, so a burst of
   * simultaneous attempts is counted in arrival order and locks like a
   * sequence: only the first `maxFailures` are checked (issue 12, case 4:
   * counting after the check let 40 simultaneous guesses through).
   */
  begin(email: string): number {
    const locked = this.lockedFor(email);
    if (locked > 0) return locked;
    const k = key(email);
    const entry = this.failures.get(k) ?? { count: 0, lockedUntil: 0 };
    if (entry.lockedUntil && entry.lockedUntil <= this.clock()) entry.count = 0; // the lock has run out: a fresh start
    if (entry.count >= this.maxFailures) {
      entry.lockedUntil = this.clock() + this.lockMs;
      return this.lockMs;
    }
    entry.count += 1;
    this.failures.delete(k);
    this.failures.set(k, entry);
    if (this.failures.size > this.capacity) this.failures.delete(this.failures.keys().next().value!);
    return 0;
  }

  /** The attempt begun for `email` failed (it was counted by `begin`): the last allowed one locks. */
  fail(email: string): void {
    const entry = this.failures.get(key(email));
    if (entry && entry.count >= this.maxFailures) entry.lockedUntil = this.clock() + this.lockMs;
  }

  succeed(email: string): void {
    this.failures.delete(key(email));
  }
}

const key = (email: string) => email.trim().toLowerCase();
