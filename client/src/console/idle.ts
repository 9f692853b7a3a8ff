// When the console reports input, and when it warns that an idle session is
// about to end. The server signs a facilitator out IDLE_MINUTES after the last
// activity it heard of; the console knows when it last told the server
// something (a report, a command, signing in), so it can warn shortly before.
// Plain arithmetic on the times it is given, so tests need no clock.
import { m } from '../paraglide/messages.js';

/** Ordinary input is reported at most this often: the server needs no more. */
export const REPORT_EVERY_MS = 60_000;
/** The warning shows this long before the sign-out (half the idle time when that is shorter). */
export const WARN_BEFORE_MS = 60_000;
/** The longest wait between two looks at the clock, so a laptop waking from sleep warns within seconds. */
export const CHECK_EVERY_MS = 10_000;

export class IdleWatch {
  /** Unknown until the server's configuration arrives: until then, never warn. */
  idleMs = Infinity;
  private reportedAt: number;

  constructor(now: number) {
    this.reportedAt = now;
  }

  /** The server just heard from this console, and pushed its idle deadline back. */
  reported(now: number): void {
    this.reportedAt = Math.max(this.reportedAt, now);
  }

  /** Whether input at this moment should be reported: once a minute, and at once while the warning shows. */
  shouldReport(now: number): boolean {
    return this.warning(now) || now - this.reportedAt >= REPORT_EVERY_MS;
  }

  /** When the server will sign an idle facilitator out, as far as this console knows. */
  get endsAt(): number {
    return this.reportedAt + this.idleMs;
  }

  /** Half the idle time at most, so that a very short IDLE_MINUTES does not warn all the time. */
  get warnBeforeMs(): number {
    return Math.min(WARN_BEFORE_MS, this.idleMs / 2);
  }

  get warnAt(): number {
    return this.endsAt - this.warnBeforeMs;
  }

  warning(now: number): boolean {
    return now >= this.warnAt;
  }

  /** How long to wait before looking again. */
  nextCheckIn(now: number): number {
    return Math.min(Math.max(this.warnAt - now, 0), CHECK_EVERY_MS);
  }
}

/** "about a minute", "about 30 seconds": how the warning names the time left. */
export function timeLeftWords(ms: number): string {
  if (ms >= 55_000) return m.console_time_about_a_minute();
  return m.console_time_about_seconds({ count: Math.max(5, Math.round(ms / 5_000) * 5) });
}
