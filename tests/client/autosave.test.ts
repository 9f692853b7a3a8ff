// The form that saves as you go (issue 9, section 7: "forms that save as you
// go, with a clear saved state"), on a hand-driven clock.
import { describe, expect, test } from 'vitest';
import { Autosave, saveWords, type SaveStatus } from '../../client/src/lib/autosave.js';

/** A clock the test moves by hand, and a save whose answers the test decides. */
function harness(delayMs = 500) {
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let now = 0;
  let nextId = 1;
  const saved: string[] = [];
  const waiting: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const statuses: SaveStatus['state'][] = [];
  const saver = new Autosave<string>(
    (value) => new Promise<void>((resolve, reject) => waiting.push({ resolve: () => (saved.push(value), resolve()), reject })),
    {
      delayMs,
      setTimer: (fn, ms) => (timers.push({ at: now + ms, fn, id: nextId }), nextId++),
      clearTimer: (id) => timers.splice(timers.findIndex((t) => t.id === id) >>> 0, 1),
      onstatus: (s) => statuses.push(s.state),
    },
  );
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { saver, saved, waiting, statuses, advance, settle };
}

describe('saving as you go', () => {
  test('issue 9, section 7, case 1: a burst of typing is saved once, after the pause, with the last value', async () => {
    const h = harness();
    h.saver.change('a');
    h.advance(300);
    h.saver.change('ab');
    h.advance(300);
    expect(h.waiting).toHaveLength(0);
    expect(h.saver.status.state).toBe('unsaved');
    h.advance(200);
    expect(h.waiting).toHaveLength(1);
    expect(h.saver.status.state).toBe('saving');
    h.waiting[0]!.resolve();
    await h.settle();
    expect(h.saved).toEqual(['ab']);
    expect(h.saver.status.state).toBe('saved');
  });

  test('issue 9, section 7, case 2: a change made while saving is saved right after, never two saves at once', async () => {
    const h = harness();
    h.saver.change('one');
    h.advance(500);
    h.saver.change('two');
    h.advance(500); // the second save waits for the first
    expect(h.waiting).toHaveLength(1);
    h.waiting[0]!.resolve();
    await h.settle();
    expect(h.waiting).toHaveLength(2);
    expect(h.saver.status.state).toBe('saving');
    h.waiting[1]!.resolve();
    await h.settle();
    expect(h.saved).toEqual(['one', 'two']);
    expect(h.saver.status.state).toBe('saved');
  });

  test("issue 9, section 7, case 3: a failed save says the server's words and keeps the value for Try again", async () => {
    const h = harness();
    h.saver.change('draft');
    const flushed = h.saver.flush();
    h.waiting[0]!.reject(new Error('lovedOne.ageYears: Too big'));
    await flushed;
    expect(h.saver.status).toEqual({ state: 'failed', message: 'lovedOne.ageYears: Too big' });
    expect(saveWords(h.saver.status)).toBe('Not saved: lovedOne.ageYears: Too big');
    const retried = h.saver.flush();
    h.waiting[1]!.resolve();
    await retried;
    expect(h.saved).toEqual(['draft']);
    expect(saveWords(h.saver.status)).toBe('All changes saved');
  });

  test('issue 9, section 7, case 4: flush saves at once (leaving the tab), and nothing when nothing changed', async () => {
    const h = harness();
    await h.saver.flush();
    expect(h.waiting).toHaveLength(0);
    h.saver.change('x');
    const flushed = h.saver.flush();
    expect(h.waiting).toHaveLength(1);
    h.waiting[0]!.resolve();
    await flushed;
    h.advance(1000); // the cancelled timer does not save again
    expect(h.waiting).toHaveLength(1);
    expect(h.statuses).toEqual(['unsaved', 'saving', 'saved']);
  });
});
