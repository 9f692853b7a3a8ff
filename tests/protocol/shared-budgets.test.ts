// The shared message budgets on their own, with a fake clock: a budget is the
// key's, survives its connections until it has refilled, and is then forgotten,
// so a server that has seen thousands of people keeps no budget for them.
// Issue 12, case 1 (the budget is per person or link, not per socket).
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { BURST_SECONDS, SharedBudgets } from '../../server/realtime/budget.js';

let now = 0;
beforeEach(() => {
  vi.useFakeTimers();
  now = 0;
});
afterEach(() => vi.useRealTimers());

const spend = (take: () => boolean, n: number) => Array.from({ length: n }, take).filter(Boolean).length;

test('two holders of one key spend one budget; another key has its own', () => {
  const budgets = new SharedBudgets(() => now, 10);
  const a = budgets.hold('participant:ann');
  const b = budgets.hold('participant:ann');
  const bob = budgets.hold('participant:bob');
  expect(spend(() => a.budget.take(), 40) + spend(() => b.budget.take(), 40)).toBe(10 * BURST_SECONDS);
  expect(spend(() => bob.budget.take(), 80)).toBe(10 * BURST_SECONDS);
});

test('a budget outlives its last holder until it has refilled, then is forgotten', () => {
  const budgets = new SharedBudgets(() => now, 10);
  const first = budgets.hold('link:tv');
  spend(() => first.budget.take(), 100);
  first.release();
  first.release(); // releasing twice counts once
  now += 1000;
  vi.advanceTimersByTime(1000);
  const again = budgets.hold('link:tv');
  // Reconnecting a second later finds the spent budget, a second's worth refilled.
  expect(spend(() => again.budget.take(), 100)).toBe(10);
  again.release();
  vi.advanceTimersByTime(BURST_SECONDS * 1000);
  expect(budgets.size).toBe(0);
});
