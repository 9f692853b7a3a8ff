// The console's idle watch: a facilitator watching the room, touching nothing,
// is asked "Still there?" a minute before the server would sign them out.
import { describe, expect, test } from 'vitest';
import { CHECK_EVERY_MS, IdleWatch, REPORT_EVERY_MS, timeLeftWords } from '../../client/src/console/idle.js';

const MIN = 60_000;

function watching(idleMinutes: number, signedInAt = 0): IdleWatch {
  const watch = new IdleWatch(signedInAt);
  watch.idleMs = idleMinutes * MIN;
  return watch;
}

describe('the warning before an idle sign-out', () => {
  test('shows a minute before the server signs an idle facilitator out, not earlier', () => {
    const watch = watching(15);
    expect(watch.endsAt).toBe(15 * MIN);
    expect(watch.warning(14 * MIN - 1)).toBe(false);
    expect(watch.warning(14 * MIN)).toBe(true);
  });

  test('input while it shows is reported at once, and the next warning is a whole idle time away', () => {
    const watch = watching(15);
    const now = 14 * MIN + 5_000;
    expect(watch.shouldReport(now)).toBe(true); // the once-a-minute limit does not apply now
    watch.reported(now);
    expect(watch.warning(now)).toBe(false);
    expect(watch.warnAt).toBe(now + 14 * MIN);
  });

  test('a command the server answered counts like input', () => {
    const watch = watching(15);
    watch.reported(10 * MIN);
    expect(watch.warning(14 * MIN)).toBe(false);
    expect(watch.warning(24 * MIN)).toBe(true);
  });

  test('an older answer arriving late does not bring the sign-out closer', () => {
    const watch = watching(15);
    watch.reported(10 * MIN);
    watch.reported(9 * MIN);
    expect(watch.endsAt).toBe(25 * MIN);
  });

  test('with a very short idle time it warns halfway, so it is not shown all the time', () => {
    const watch = watching(1);
    expect(watch.warning(29_999)).toBe(false);
    expect(watch.warning(30_000)).toBe(true);
    expect(timeLeftWords(watch.warnBeforeMs)).toBe('about 30 seconds');
  });

  test('never shows before the server has said how long a session may idle', () => {
    const watch = new IdleWatch(0);
    expect(watch.warning(24 * 60 * MIN)).toBe(false);
    expect(watch.shouldReport(REPORT_EVERY_MS)).toBe(true); // input is still reported
  });
});

describe('reporting input', () => {
  test('ordinary input is reported at most once a minute', () => {
    const watch = watching(15);
    expect(watch.shouldReport(REPORT_EVERY_MS - 1)).toBe(false);
    expect(watch.shouldReport(REPORT_EVERY_MS)).toBe(true);
    watch.reported(REPORT_EVERY_MS);
    expect(watch.shouldReport(REPORT_EVERY_MS + 30_000)).toBe(false);
  });
});

describe('looking at the clock', () => {
  test('looks again at the warning time, or sooner, so a laptop waking from sleep still warns in time', () => {
    const watch = watching(2);
    expect(watch.nextCheckIn(0)).toBe(CHECK_EVERY_MS);
    expect(watch.nextCheckIn(MIN - 3_000)).toBe(3_000);
    expect(watch.nextCheckIn(MIN + 3_000)).toBe(0);
  });

  test('names the time left calmly', () => {
    expect(timeLeftWords(60_000)).toBe('about a minute');
    expect(timeLeftWords(30_000)).toBe('about 30 seconds');
  });
});
