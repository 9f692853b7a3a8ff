// A newcomer's trial, item 2: every scheduled follow-up call fell at the minute
// the meeting ended (a meeting over at 21:47 put nine calls at 21:47). Now each
// falls on its day in the practice's zone at a chosen working hour (10:00 by
// default, FOLLOW_UP_TIME), across changes of the clocks.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CALL_TIME, followUpSchedule, isCallTime, wallClock } from '../../shared/case/follow-ups.js';

const iso = (at: number) => new Date(at).toISOString();

describe('the time of day of follow-up calls', () => {
  test('trial item 2, case 1: the schedule falls at 10:00 in the practice zone, whatever time the meeting ended', () => {
    // 31 August 2026, 21:47 in Chicago (02:47 UTC the next day): the calls count from 31 August there.
    const ended = Date.UTC(2026, 8, 1, 2, 47);
    expect(followUpSchedule(ended, { timeZone: 'America/Chicago', time: DEFAULT_CALL_TIME }).map((f) => [f.kind, iso(f.dueAt)])).toEqual([
      ['1-day', '2026-09-01T15:00:00.000Z'],
      ['3-days', '2026-09-03T15:00:00.000Z'],
      ['1-week', '2026-09-07T15:00:00.000Z'],
      ['2-weeks', '2026-09-14T15:00:00.000Z'],
      ['30-days', '2026-09-30T15:00:00.000Z'],
      ['60-days', '2026-10-30T15:00:00.000Z'],
      // After the clocks go back on 1 November, 10:00 in Chicago is 16:00 UTC.
      ['90-days', '2026-11-29T16:00:00.000Z'],
      ['6-months', '2027-02-28T16:00:00.000Z'],
      ['1-year', '2027-08-31T15:00:00.000Z'],
    ]);
    expect(DEFAULT_CALL_TIME).toBe('10:00');
  });

  test('trial item 2, case 2: a wall-clock time in a zone, across daylight saving and a half-hour zone', () => {
    expect(iso(wallClock('2026-07-01', '09:15', 'Europe/Madrid'))).toBe('2026-07-01T07:15:00.000Z');
    expect(iso(wallClock('2026-12-01', '09:15', 'Europe/Madrid'))).toBe('2026-12-01T08:15:00.000Z');
    expect(iso(wallClock('2026-06-01', '10:00', 'Asia/Kolkata'))).toBe('2026-06-01T04:30:00.000Z');
    expect(iso(wallClock('2026-03-08', '10:00', 'America/Chicago'))).toBe('2026-03-08T15:00:00.000Z');
    expect(isCallTime('10:00')).toBe(true);
    for (const bad of ['24:00', '9:00', '10:60', '10:00:00', '']) expect(isCallTime(bad)).toBe(false);
  });
});
