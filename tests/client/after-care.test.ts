// Issue 11, section 5: the After-care tab's address, and the follow-up forms, which read and write a day and a time in
// the browser's own zone; what they send is the instant the interventionist meant.
import { expect, test } from 'vitest';
import { dayInput, fromInputs, timeInput } from '../../client/src/console/case/follow-up-dates.js';
import { caseHref, parseRoute } from '../../client/src/console/route.js';

test('issue 11, case 17: a day and a time round-trip through epoch ms in the local zone, and an empty or bad field is null', () => {
  const at = fromInputs('2026-09-07', '15:30')!;
  expect(at).toBe(new Date(2026, 8, 7, 15, 30).getTime());
  expect([dayInput(at), timeInput(at)]).toEqual(['2026-09-07', '15:30']);
  expect(fromInputs('', '10:00')).toBeNull();
  expect(fromInputs('2026-09-07', '')).toBeNull();
  expect(fromInputs('2026-13-45', '10:00')).toBeNull();
});

test('issue 11: the case page has an After-care tab with its own address', () => {
  expect(parseRoute('#/cases/c1/after-care')).toEqual({ name: 'case', id: 'c1', tab: 'after-care' });
  expect(caseHref('c1', 'after-care')).toBe('#/cases/c1/after-care');
});
