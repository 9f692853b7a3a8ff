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

  fail(email: string): void {
    const k = key(email);
    const entry = this.failures.get(k) ?? { count: 0, lockedUntil: 0 };
    if (entry.lockedUntil && entry.lockedUntil <= this.clock()) entry.count = 0; // the lock has run out: a fresh start
    entry.count += 1;
    if (entry.count >= this.maxFailures) entry.lockedUntil = this.clock() + this.lockMs;
    this.failures.delete(k);
    this.failures.set(k, entry);
    if (this.failures.size > this.capacity) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(email: string): void {
    this.failures.delete(key(email));
  }
}

const key = (email: string) => email.trim().toLowerCase();
