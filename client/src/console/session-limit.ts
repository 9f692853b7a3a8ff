// When the console tells the facilitator that their sign-in is about to end
// for good. Besides the idle sign-out (idle.ts), the server ends every session
// SESSION_HOURS after sign-in, whatever the activity; no key press can extend
// it, so the console gives a calm notice a few minutes before instead of
// asking "Still there?". Plain arithmetic on the times it is given, so tests
// need no clock.
import { m } from '../paraglide/messages.js';
import { CHECK_EVERY_MS } from './idle.js';

/** The notice shows this long before the session's hard end. */
export const LIMIT_NOTICE_BEFORE_MS = 5 * 60_000;

export class SessionLimit {
  /** When the session ends, on this console's clock (ms); Infinity until the server has said. */
  endsAt = Infinity;

  /**
   * Learn the end from `GET /api/me`: `sessionEndsAt` and `serverNow` are the
   * server's clock, `receivedAt` this console's when the answer arrived, so a
   * laptop clock that is off by minutes still warns on time.
   */
  learn(sessionEndsAt: number, serverNow: number, receivedAt: number): void {
    this.endsAt = receivedAt + (sessionEndsAt - serverNow);
  }

  get noticeAt(): number {
    return this.endsAt - LIMIT_NOTICE_BEFORE_MS;
  }

  notice(now: number): boolean {
    return now >= this.noticeAt;
  }

  /** Whether the session has reached its hard end: a sign-out now is that, not idleness. */
  reached(now: number): boolean {
    return now >= this.endsAt;
  }

  /** Whether the hard end comes no later than `idleEndsAt`: then "Still there?" would promise what it cannot keep. */
  comesFirst(idleEndsAt: number): boolean {
    return this.endsAt <= idleEndsAt;
  }

  /** How long to wait before looking again. */
  nextCheckIn(now: number): number {
    return Math.min(Math.max(this.noticeAt - now, 0), CHECK_EVERY_MS);
  }
}

/** "about 5 minutes", "about a minute", "less than a minute": how the notice names the time left. */
export function minutesLeftWords(ms: number): string {
  if (ms < 45_000) return m.console_time_less_than_a_minute();
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes === 1 ? m.console_time_about_a_minute() : m.console_time_about_minutes({ count: minutes });
}
