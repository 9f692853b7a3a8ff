// The command pipeline, driven through a meeting runtime over a fake store
// and a fake transport (no sockets, no SQLite): repeats, the order of the
// checks, store failures, and the order persist → publish → acknowledge.
import { describe, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { MeetingRuntime } from '../../server/meetings/runtime.js';
import { createMeeting, restoreMeeting } from '../../shared/meeting/agenda.js';
import { display, facilitator, liveMeeting, participant } from './fakes.js';

const ANN = 'p-ann';
/** Let the facilitator's presence refresh (due on the next turn of the event loop) go out. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const CY = 'p-cy';

function code(ack: Ack) {
  return ack.ok ? 'OK' : ack.error.code;
}

describe('repeats', () => {
  test('a repeated command gets its first answer and is applied once', async () => {
    const { runtime, store } = liveMeeting();
    const first = await runtime.handle({ commandId: 'c-1', type: 'meeting.start', expectedRevision: 0 }, facilitator);
    // Retried after a lost ack, now "stale" by its own doing: still the first answer.
    const again = await runtime.handle({ commandId: 'c-1', type: 'meeting.start', expectedRevision: 0 }, facilitator);
    expect(first).toEqual({ ok: true, revision: 1 });
    expect(again).toEqual({ ok: true, revision: 1 });
    expect(store.events).toHaveLength(1);
    expect(runtime.revision).toBe(1);
  });

  test('a refused command, repeated, gets the same refusal even when it would pass now', async () => {
    const { runtime } = liveMeeting();
    const early = await runtime.handle({ commandId: 'c-early', type: 'turns.begin', expectedRevision: 0 }, facilitator);
    expect(code(early)).toBe('NOT_ALLOWED');
    expect(await runtime.handle({ commandId: 'c-start', type: 'meeting.start', expectedRevision: 0 }, facilitator)).toMatchObject({ ok: true });
    expect(await runtime.handle({ commandId: 'c-early', type: 'turns.begin', expectedRevision: 1 }, facilitator)).toEqual(early);
  });

  test('another sender’s command id is refused INVALID, and the log keeps one entry under it', async () => {
    const { runtime, store } = liveMeeting();
    await runtime.loadTexts();
    runtime.attach({ ...participant(ANN), name: 'Ann', attendance: 'in-room' });
    await runtime.handle({ commandId: 'shared-id', type: 'meeting.start', expectedRevision: 0 }, facilitator);
    const theirs = await runtime.handle({ commandId: 'shared-id', type: 'participant.ready' }, participant(ANN));
    expect(theirs).toMatchObject({ ok: false, error: { code: 'INVALID', message: expect.stringMatching(/already used/) }, revision: 1 });
    expect(store.events.map((e) => e.commandId)).toEqual(['shared-id']);
  });

  test('after a restart, a repeat is recognised from the stored log, which is read once for many commands', async () => {
    const { runtime, store, deps } = liveMeeting();
    await runtime.handle({ commandId: 'c-1', type: 'meeting.start', expectedRevision: 0 }, facilitator);
    const restarted = new MeetingRuntime(store.record, restoreMeeting(store.record.snapshot), deps);
    store.calls.length = 0;
    expect(await restarted.handle({ commandId: 'c-1', type: 'meeting.start', expectedRevision: 0 }, facilitator)).toEqual({ ok: true, revision: 1 });
    expect(await restarted.handle({ commandId: 'c-2', type: 'turns.begin', expectedRevision: 1 }, facilitator)).toEqual({ ok: true, revision: 2 });
    expect(await restarted.handle({ commandId: 'c-3', type: 'pause.start', reason: 'other', expectedRevision: 2 }, facilitator)).toEqual({ ok: true, revision: 3 });
    // Performance property: the ids are listed once, not queried per command.
    expect(store.calls.filter((c) => c === 'listCommandIds')).toHaveLength(1);
  });
});

describe('the order of the checks: INVALID, FORBIDDEN, STALE, NOT_ALLOWED', () => {
  test('each refusal is the first check the command fails', async () => {
    const { runtime, store } = liveMeeting();
    // Malformed and from the display: the shape is checked before the sender.
    expect(code(await runtime.handle({ commandId: 'a', type: 'meeting.start', expectedRevision: 0, extra: 1 }, display))).toBe('INVALID');
    expect(code(await runtime.handle({ commandId: 'b', type: 'no.such.command' }, display))).toBe('INVALID');
    // From the display and stale: the sender is checked before the revision.
    expect(code(await runtime.handle({ commandId: 'c', type: 'meeting.start', expectedRevision: 7 }, display))).toBe('FORBIDDEN');
    // Stale and not possible in this phase: the revision is checked before the phase.
    expect(code(await runtime.handle({ commandId: 'd', type: 'turns.begin', expectedRevision: 7 }, facilitator))).toBe('STALE');
    expect(code(await runtime.handle({ commandId: 'e', type: 'turns.begin', expectedRevision: 0 }, facilitator))).toBe('NOT_ALLOWED');
    expect(store.events).toHaveLength(0);
    expect(store.calls).not.toContain('appendEvent');
  });

  test('a STALE refusal carries the current revision; readiness and signals are never stale', async () => {
    const { runtime } = liveMeeting();
    await runtime.loadTexts();
    runtime.attach({ ...participant(ANN), name: 'Ann', attendance: 'in-room' });
    expect(await runtime.handle({ commandId: 'c-1', type: 'participant.ready', expectedRevision: 99 }, participant(ANN))).toEqual({ ok: true, revision: 1 });
    await runtime.handle({ commandId: 'c-2', type: 'meeting.start', expectedRevision: 1 }, facilitator);
    expect(await runtime.handle({ commandId: 'c-3', type: 'turns.begin', expectedRevision: 1 }, facilitator)).toMatchObject({
      ok: false, error: { code: 'STALE', message: expect.stringMatching(/revision 2/) }, revision: 2,
    });
    expect(await runtime.handle({ commandId: 'c-4', type: 'signal.send', kind: 'want-to-speak', expectedRevision: 0 }, participant(ANN))).toEqual({ ok: true, revision: 3 });
  });

  test('two commands sent together are checked one after the other: the second sees the first’s revision', async () => {
    const { runtime } = liveMeeting();
    const [a, b] = await Promise.all([
      runtime.handle({ commandId: 'x', type: 'meeting.start', expectedRevision: 0 }, facilitator),
      runtime.handle({ commandId: 'y', type: 'meeting.start', expectedRevision: 0 }, facilitator),
    ]);
    expect([code(a), code(b)]).toEqual(['OK', 'STALE']);
  });
});

describe('a store failure', () => {
  test('is answered UNAVAILABLE with nothing applied, published or remembered', async () => {
    const { runtime, store, transport, log } = liveMeeting();
    store.failNext = { error: new Error('disk I/O error'), landed: false };
    const ack = await runtime.handle({ commandId: 'c-1', type: 'meeting.start', expectedRevision: 0 }, facilitator);
    expect(ack).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/try again/) }, revision: 0 });
    expect({ revision: runtime.revision, phase: runtime.phase, events: store.events.length, views: transport.deliveries.length }).toEqual({
      revision: 0, phase: 'gathering', events: 0, views: 0,
    });
    expect(log.lines.at(-1)).toMatchObject({ level: 'error', msg: 'command not stored' });
    // Not a refusal to remember: the same command, retried, goes through.
    expect(await runtime.handle({ commandId: 'c-1', type: 'meeting.start', expectedRevision: 0 }, facilitator)).toEqual({ ok: true, revision: 1 });
  });

  test('that came after the write landed: the retry is recognised, never stored twice', async () => {
    // Regression pinned: the runtime forgets its cached command ids after a failed write and asks the log again.
    const { runtime, store } = liveMeeting();
    await runtime.handle({ commandId: 'c-0', type: 'meeting.start', expectedRevision: 0 }, facilitator);
    store.failNext = { error: new Error('connection reset'), landed: true };
    expect(code(await runtime.handle({ commandId: 'c-1', type: 'turns.begin', expectedRevision: 1 }, facilitator))).toBe('UNAVAILABLE');
    expect(await runtime.handle({ commandId: 'c-1', type: 'turns.begin', expectedRevision: 1 }, facilitator)).toEqual({ ok: true, revision: 2 });
    expect(store.events.map((e) => e.commandId)).toEqual(['c-0', 'c-1']);
  });

  test('that came after the write landed: the next, different command is applied on top of it, not wedged', async () => {
    // Issue 17, part 2 (the gap part 1 found): a commit that landed but was answered UNAVAILABLE left the
    // runtime one revision behind its log, so every later command collided with the stored revision.
    const { runtime, store, transport } = liveMeeting();
    await runtime.handle({ commandId: 'c-0', type: 'meeting.start', expectedRevision: 0 }, facilitator);
    store.failNext = { error: new Error('connection reset'), landed: true };
    expect(code(await runtime.handle({ commandId: 'c-1', type: 'turns.begin', expectedRevision: 1 }, facilitator))).toBe('UNAVAILABLE');
    // A tap from a tablet (never stale) right after: applied at revision 3, on top of the landed one.
    await runtime.loadTexts();
    runtime.attach({ ...participant(ANN), name: 'Ann', attendance: 'in-room' });
    expect(await runtime.handle({ commandId: 'c-2', type: 'signal.send', kind: 'want-to-speak' }, participant(ANN))).toEqual({ ok: true, revision: 3 });
    expect(store.events.map((e) => [e.commandId, e.revision])).toEqual([['c-0', 1], ['c-1', 2], ['c-2', 3]]);
    expect(runtime.revision).toBe(3);
    // The reloaded state is what everyone sees: the turn the landed command began is in it.
    expect(transport.viewsOf('facilitator').at(-1)).toMatchObject({ revision: 3 });
    expect(runtime.phase).toBe('speaking');
  });
});

describe('persisted, then published, then acknowledged', () => {
  test('for an ordinary command', async () => {
    const { runtime, journal, transport } = liveMeeting();
    transport.listeners.add('display');
    runtime.attach(display);
    await nextTurn();
    journal.length = 0;
    await runtime.handle({ commandId: 'c-1', type: 'meeting.start', expectedRevision: 0 }, facilitator).then(() => journal.push('acked'));
    expect(journal).toEqual(['persisted 1', 'delivered facilitator r1', 'delivered display r1', 'acked']);
  });

  test('for a guest turned away: link revoked, last view, let go, then the ack', async () => {
    const { runtime, journal, transport } = liveMeeting({
      onGuestDenied: async (meetingId, participantId) => void journal.push(`link revoked ${participantId}`),
    });
    await runtime.loadTexts();
    runtime.attach({ ...participant('g-1'), name: 'Guest', attendance: 'guest' });
    await nextTurn();
    journal.length = 0;
    await runtime.handle({ commandId: 'c-1', type: 'lobby.deny', participantId: 'g-1', expectedRevision: 0 }, facilitator).then(() => journal.push('acked'));
    // The guest's last view is a lobby view, which since issue 12, case 8 carries revision 0 (no progress leaks).
    expect(journal).toEqual(['persisted 1', 'link revoked g-1', 'delivered facilitator r1', 'delivered g-1 r0', 'dismissed g-1', 'acked']);
    expect(transport.viewsOf('g-1').at(-1)).toMatchObject({ lobby: 'denied' });
  });

  test('a lobby decision is stamped with the person waiting, and refused for someone not connected', async () => {
    const { runtime, store } = liveMeeting();
    await runtime.loadTexts();
    expect(code(await runtime.handle({ commandId: 'c-1', type: 'lobby.admit', participantId: CY, expectedRevision: 0 }, facilitator))).toBe('NOT_ALLOWED');
    runtime.attach({ ...participant(CY), name: 'Cy', attendance: 'remote' });
    expect(await runtime.handle({ commandId: 'c-2', type: 'lobby.admit', participantId: CY, expectedRevision: 0 }, facilitator)).toEqual({ ok: true, revision: 1 });
    expect(store.events[0]!.event).toMatchObject({ type: 'lobby.admit', joiner: { name: 'Cy', attendance: 'remote' }, by: { actorId: 'fac-1', role: 'facilitator' } });
  });
});

test('a runtime holds the snapshot it is given, not the record’s', () => {
  const { store, deps } = liveMeeting();
  const opening = new MeetingRuntime(store.record, createMeeting({ ...store.record.input, speakingOrder: ['p-bob'] }), deps);
  expect(opening.context.speakingOrder.map((t) => t.participantId)).toEqual(['p-bob']);
});
