// Issue 11, sections 4 and 5: the pure rules of after-care. The case machine's
// `meeting.outcome` from every stage, the follow-up schedule's calendar
// arithmetic (UTC, months clamped), the due windows in a time zone, and the
// plan and commitments an outcome starts with.
import { describe, expect, test } from 'vitest';
import { afterOutcome } from '../../shared/case/after-outcome.js';
import { dayAfter, followUpSchedule, inWindow, isTimeZone, localDay } from '../../shared/case/follow-ups.js';
import { applyCaseEvent, createCaseFile, stageOf } from '../../shared/case/lifecycle.js';
import { startingCommitments, startingPlan, updateCommitment } from '../../shared/case/next-steps.js';
import { FORWARD_STAGES } from '../../shared/case/vocabulary.js';
import { cancel, FACILITATOR, movesTo } from './support.js';

const iso = (at: number) => new Date(at).toISOString();

describe('the case machine after an outcome', () => {
  test('issue 11, case 9: from every stage before after-care the case moves there, with the move in its history', () => {
    for (const stage of FORWARD_STAGES.slice(0, FORWARD_STAGES.indexOf('after-care'))) {
      const at = movesTo(stage).reduce((s, e) => applyCaseEvent(s, e), createCaseFile({ caseId: 'c-1' }));
      expect(stageOf(at)).toBe(stage);
      const moved = afterOutcome(at, 'm-1', 42, FACILITATOR);
      expect(moved && stageOf(moved.snapshot)).toBe('after-care');
      expect(moved!.snapshot.context.history.at(-1)).toEqual({ from: stage, to: 'after-care', at: 42, by: FACILITATOR.actorId });
      expect(moved!.event).toEqual({ type: 'meeting.outcome', meetingId: 'm-1', at: 42, by: FACILITATOR });
    }
  });

  test('issue 11, case 10: at after-care or later, closed or cancelled, an outcome leaves the stage alone', () => {
    for (const stage of ['after-care', 'follow-up', 'closed'] as const) {
      const at = movesTo(stage).reduce((s, e) => applyCaseEvent(s, e), createCaseFile({ caseId: 'c-1' }));
      expect(afterOutcome(at, 'm-1', 42, FACILITATOR)).toBeNull();
    }
    const cancelled = applyCaseEvent(createCaseFile({ caseId: 'c-1' }), cancel('unreachable'));
    expect(afterOutcome(cancelled, 'm-1', 42, FACILITATOR)).toBeNull();
  });
});

describe('the follow-up schedule', () => {
  test('issue 11, case 11: nine follow-ups at the outcome time of day, days in UTC, months clamped to the month end', () => {
    expect(followUpSchedule(Date.UTC(2026, 7, 31, 15, 30)).map((f) => [f.kind, iso(f.dueAt)])).toEqual([
      ['1-day', '2026-09-01T15:30:00.000Z'],
      ['3-days', '2026-09-03T15:30:00.000Z'],
      ['1-week', '2026-09-07T15:30:00.000Z'],
      ['2-weeks', '2026-09-14T15:30:00.000Z'],
      ['30-days', '2026-09-30T15:30:00.000Z'],
      ['60-days', '2026-10-30T15:30:00.000Z'],
      ['90-days', '2026-11-29T15:30:00.000Z'],
      ['6-months', '2027-02-28T15:30:00.000Z'],
      ['1-year', '2027-08-31T15:30:00.000Z'],
    ]);
    // A leap day: six months on is 29 August; a year on, 28 February.
    const leap = followUpSchedule(Date.UTC(2028, 1, 29, 9, 0));
    expect(iso(leap.find((f) => f.kind === '6-months')!.dueAt)).toBe('2028-08-29T09:00:00.000Z');
    expect(iso(leap.find((f) => f.kind === '1-year')!.dueAt)).toBe('2029-02-28T09:00:00.000Z');
    // Across the end of daylight saving in Europe (25 October 2026): still the same UTC time.
    expect(iso(followUpSchedule(Date.UTC(2026, 9, 24, 8, 0))[0]!.dueAt)).toBe('2026-10-25T08:00:00.000Z');
  });

  test('issue 11, case 12: today, overdue and the week are counted on the calendar of the zone asked for', () => {
    const now = Date.UTC(2026, 8, 2, 2, 0); // 2 September 02:00 UTC = 1 September 19:00 in Los Angeles
    const due = Date.UTC(2026, 8, 1, 15, 30);
    expect(localDay(now, 'UTC')).toBe('2026-09-02');
    expect(localDay(now, 'America/Los_Angeles')).toBe('2026-09-01');
    expect(inWindow('overdue', due, now, 'UTC')).toBe(true);
    expect(inWindow('today', due, now, 'UTC')).toBe(false);
    expect(inWindow('today', due, now, 'America/Los_Angeles')).toBe(true);
    expect(inWindow('week', Date.UTC(2026, 8, 8, 23, 0), now, 'UTC')).toBe(true);
    expect(inWindow('week', Date.UTC(2026, 8, 9, 0, 0), now, 'UTC')).toBe(false);
    expect(dayAfter('2026-12-28', 6)).toBe('2027-01-03');
    expect(isTimeZone('Europe/Madrid')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('the next-steps plan', () => {
  test('issue 11, case 13: only approved bottom lines become commitments; the decide-by date only for deferred; a check-in is appended', () => {
    const people = [{ id: 'ann', bottomLine: '  No more rent.  ' }, { id: 'bob', bottomLine: null }, { id: 'cy', bottomLine: '   ' }];
    const [ann] = startingCommitments(people);
    expect(startingCommitments(people)).toEqual([{ participantId: 'ann', commitment: 'No more rent.', status: 'not-yet', checkIns: [] }]);
    expect(startingPlan('deferred', '2026-09-10').decideBy).toBe('2026-09-10');
    expect(startingPlan('declined', '2026-09-10').decideBy).toBeNull();
    const kept = updateCommitment(ann!, { status: 'kept', checkIn: 'Held firm' }, 7);
    expect(kept).toEqual({ ...ann, status: 'kept', checkIns: [{ at: 7, note: 'Held firm' }] });
    expect(updateCommitment(kept, { status: 'changed' }, 8).checkIns).toHaveLength(1);
  });
});
