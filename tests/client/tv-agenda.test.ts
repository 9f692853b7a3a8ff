// The TV's agenda and speaking order (client/src/lib/agenda-steps.ts, order-window.ts).
import { describe, expect, test } from 'vitest';
import { shownSteps } from '../../client/src/lib/agenda-steps.js';
import { orderWindow } from '../../client/src/lib/order-window.js';

const phases = (steps: ReturnType<typeof shownSteps>) => steps.map((s) => `${s.phase}:${s.state}`);

describe('issue 13, item 17: the TV shows steps that have happened and the current one', () => {
  test('issue 13, item 17, case 1: during the letters the TV lists no offer and no bottom lines', () => {
    expect(phases(shownSteps('speaking', 'letters', true, 'so-far'))).toEqual(['gathering:done', 'opening:done', 'speaking:current']);
  });

  test('issue 13, item 17, case 2: at the offer, bottom lines are still not announced', () => {
    expect(phases(shownSteps('offer', 'letters', true, 'so-far'))).toEqual(['gathering:done', 'opening:done', 'speaking:done', 'offer:current']);
  });

  test('issue 13, item 17, case 3: bottom lines appear once that round begins, and stay done after the offer again', () => {
    expect(phases(shownSteps('bottom-lines', 'bottom-lines', true, 'so-far')).at(-1)).toBe('bottom-lines:current');
    expect(phases(shownSteps('offer', 'bottom-lines', true, 'so-far'))).toEqual([
      'gathering:done', 'opening:done', 'speaking:done', 'offer:current', 'bottom-lines:done',
    ]);
  });

  test('the console still lists the whole agenda', () => {
    expect(shownSteps('speaking', 'letters', true, 'all').map((s) => s.phase)).toEqual([
      'gathering', 'opening', 'speaking', 'offer', 'bottom-lines', 'outcome', 'closed',
    ]);
    expect(shownSteps('speaking', 'letters', false, 'all').map((s) => s.phase)).not.toContain('bottom-lines');
  });
});

describe('issue 13, item 16: the TV shows a window of the order around the current speaker', () => {
  const order = Array.from({ length: 40 }, (_, i) => ({ participantId: `p${i}`, status: i < 20 ? 'done' : i === 20 ? 'speaking' : 'waiting' }));

  test('issue 13, item 16, case 1: forty people show as one before the speaker and the rest after, with counts', () => {
    const w = orderWindow(order, 'p20', 6);
    expect(w.shown.map((s) => s.participantId)).toEqual(['p19', 'p20', 'p21', 'p22', 'p23', 'p24']);
    expect([w.before, w.after]).toEqual([19, 15]);
  });

  test('issue 13, item 16, case 2: at either end the window stays full; without a speaker it follows the first waiting', () => {
    expect(orderWindow(order, 'p0', 6).shown[0]!.participantId).toBe('p0');
    expect(orderWindow(order, 'p39', 6).shown.map((s) => s.participantId).at(-1)).toBe('p39');
    expect(orderWindow(order, null, 6).shown[1]!.participantId).toBe('p21');
  });

  test('a short order is shown whole', () => {
    expect(orderWindow(order.slice(0, 3), 'p1', 6)).toEqual({ shown: order.slice(0, 3), before: 0, after: 0 });
  });
});
