// A newcomer's finding (s20, finding 1): offline, a letter edit showed "Not saved … Try again", and
// back online it still said so: nothing tried again by itself. A failure worth retrying (the
// connection) is now tried again after a growing wait, and at once on `retry()` (the page calls it on
// the browser's `online` event); a refusal is not retried. On a hand-driven clock.
import { describe, expect, test } from 'vitest';
import { Autosave } from '../../client/src/lib/autosave.js';

class Offline extends Error {}

function harness() {
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let now = 0;
  let nextId = 1;
  const saved: string[] = [];
  let online = false;
  let refuse = false;
  const saver = new Autosave<string>(
    async (value) => {
      if (refuse) throw new Error('This text is approved');
      if (!online) throw new Offline('We cannot reach the server just now');
      saved.push(value);
    },
    {
      delayMs: 500,
      retryDelaysMs: [1_000, 4_000],
      retryable: (e) => e instanceof Offline,
      setTimer: (fn, ms) => (timers.push({ at: now + ms, fn, id: nextId }), nextId++),
      clearTimer: (id) => timers.splice(timers.findIndex((t) => t.id === id) >>> 0, 1),
    },
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const advance = async (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
    for (let i = 0; i < 5; i++) await settle();
  };
  return {
    saver, saved, advance, timers,
    goOnline: () => (online = true),
    refuseAll: () => (refuse = true),
  };
}

describe('saving as you go, when the connection drops (s20 finding 1)', () => {
  test('case 1: a failure offline is tried again by itself, with a growing wait, and saves once back online', async () => {
    const h = harness();
    h.saver.change('Dear Sam');
    await h.advance(500);
    expect(h.saver.status.state).toBe('failed');
    expect(h.saver.unsaved).toBe(true);
    await h.advance(1_000); // first retry, still offline
    expect(h.saver.status.state).toBe('failed');
    expect(h.timers.map((t) => t.at)).toEqual([1_500 + 4_000]);
    h.goOnline();
    await h.advance(4_000);
    expect(h.saved).toEqual(['Dear Sam']);
    expect(h.saver.status.state).toBe('saved');
    expect(h.saver.unsaved).toBe(false);
    expect(h.timers).toEqual([]);
  });

  test('case 2: retry() (the online event) saves at once, without waiting for the backoff', async () => {
    const h = harness();
    h.saver.change('Dear Sam, I love you');
    await h.advance(500);
    expect(h.saver.status.state).toBe('failed');
    h.goOnline();
    await h.saver.retry();
    expect(h.saved).toEqual(['Dear Sam, I love you']);
    expect(h.saver.status.state).toBe('saved');
    expect(h.timers).toEqual([]);
    // Nothing failed: retry does nothing.
    await h.saver.retry();
    expect(h.saved).toHaveLength(1);
  });

  test('case 3: a refusal is not retried by itself: it waits for a change or "Try again"', async () => {
    const h = harness();
    h.refuseAll();
    h.saver.change('changed afterwards');
    await h.advance(500);
    expect(h.saver.status).toEqual({ state: 'failed', message: 'This text is approved' });
    expect(h.timers).toEqual([]);
  });
});
