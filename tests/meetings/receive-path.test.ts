// The receive path's cost per command (issue 14, helper C): what the pipeline
// asks of the machine for one command. Each figure pins a saving measured with
// the bench's profile, so that a later change cannot quietly double it again.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { meetingMachine } from '../../shared/meeting/machine.js';
import { facilitator, liveMeeting } from './fakes.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** How many times the machine selects transitions while `run` is handled. */
async function selections(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(meetingMachine, 'getTransitionData');
  await run();
  const count = spy.mock.calls.length;
  spy.mockRestore();
  return count;
}

describe('issue 14, receive path: the machine is asked once per command', () => {
  test('case 1: an accepted command selects its transitions once (no `can` before the transition)', async () => {
    const { runtime, transport } = liveMeeting();
    // Nobody listening: no view is built, so the publisher asks the machine nothing.
    transport.listeners.clear();
    let ack: unknown;
    const count = await selections(async () => {
      ack = await runtime.handle({ commandId: 'c-1', type: 'meeting.start', expectedRevision: 0 }, facilitator);
    });
    expect(ack).toEqual({ ok: true, revision: 1 });
    expect(runtime.phase).not.toBe('gathering');
    expect(count).toBe(1);
  });

  test('case 2: a command the machine refuses is still NOT_ALLOWED, and changes nothing', async () => {
    const { runtime, transport, store } = liveMeeting();
    transport.listeners.clear();
    const ack = await runtime.handle({ commandId: 'c-1', type: 'turns.begin', expectedRevision: 0 }, facilitator);
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' }, revision: 0 });
    expect({ revision: runtime.revision, phase: runtime.phase, events: store.events.length }).toEqual({ revision: 0, phase: 'gathering', events: 0 });
  });
});
