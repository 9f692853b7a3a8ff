// The turn countdown: advisory only. It changes colour as the turn runs down
// and says "over" when the deadline passes, but it never advances the meeting.
import { serverNow } from './clock.js';

/** calm while time remains; low at 20% of the turn left; over once the deadline has passed. */
export type CountdownTone = 'calm' | 'low' | 'over';

export const LOW_FRACTION = 0.2;

export function countdownTone(remainingMs: number, turnMs: number): CountdownTone {
  if (remainingMs <= 0) return 'over';
  if (remainingMs <= turnMs * LOW_FRACTION) return 'low';
  return 'calm';
}

/** "4:05" while time remains, "1:10 over" after the deadline. Rounds towards the deadline. */
export function formatCountdown(remainingMs: number): string {
  const over = remainingMs <= 0;
  const totalSeconds = over ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return over ? `${minutes}:${seconds} over` : `${minutes}:${seconds}`;
}

export interface Countdown {
  remainingMs: number;
  tone: CountdownTone;
  label: string;
}

/**
 * The countdown for a turn ending at `turnEndsAt` (server clock, ms), seen
 * from a device with `offsetMs`. While the meeting is paused (`pausedAt`, the
 * server time the pause began) it stays at what was left when the pause began:
 * the server moves the deadline by the pause's length on resume, so the time
 * left never runs down during a pause (issue 12, case 19).
 */
export function countdown(
  turnEndsAt: number,
  turnSeconds: number,
  offsetMs: number,
  localNow: number = Date.now(),
  pausedAt: number | null = null,
): Countdown {
  const remainingMs = turnEndsAt - (pausedAt ?? serverNow(offsetMs, localNow));
  return { remainingMs, tone: countdownTone(remainingMs, turnSeconds * 1000), label: formatCountdown(remainingMs) };
}
