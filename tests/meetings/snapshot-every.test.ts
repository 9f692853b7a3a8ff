// Issue 14: a meeting's snapshot is stored every SNAPSHOT_EVERY events, at
// every change of phase and once there is an outcome, instead of with every
// event; a restore takes the stored snapshot and replays the events after it.
// Before, each command handed a whole sealed snapshot to the writer thread.
import { describe, expect, test } from 'vitest';
import { restoreMeeting } from '../../shared/meeting/agenda.js';
import { MeetingRegistry } from '../../server/meetings/registry.js';
import { SNAPSHOT_EVERY, storedSnapshotRevision } from '../../server/meetings/snapshots.js';
import { FakeLog, FakeStore, FakeTransport, facilitator, liveMeeting, T0 } from './fakes.js';

/** A live meeting in the speaking phase with Ann's turn running, and the snapshot revisions its store saw. */
async function speakingMeeting() {
  const live = liveMeeting();
  const stored: Array<number | null> = [];
  const append = live.store.appendEvent.bind(live.store);
  live.store.appendEvent = async (meetingId, event, snapshot, ...rest) => {
    stored.push(snapshot === null ? null : (snapshot as { revision: number }).revision);
    return append(meetingId, event, snapshot, ...rest);
  };
  let revision = 0;
  const send = async (command: Record<string, unknown>) => {
    const ack = await live.runtime.handle({ commandId: `c-${revision + 1}`, expectedRevision: revision, ...command }, facilitator);
    expect(ack).toMatchObject({ ok: true });
    revision = ack.revision;
  };
  await send({ type: 'meeting.start' });
  await send({ type: 'turns.begin' });
  return { ...live, stored, send, revision: () => revision };
}

describe('issue 14: a snapshot every few events', () => {
  test('case 4: stored at each change of phase and every SNAPSHOT_EVERY events, not with each event', async () => {
    const { store, stored, send } = await speakingMeeting();
    for (let i = 0; i < 2 * SNAPSHOT_EVERY; i++) await send({ type: 'turn.extend', seconds: 30 });
    // meeting.start and turns.begin change the phase; then one snapshot every SNAPSHOT_EVERY events.
    expect(stored.slice(0, 2)).toEqual([1, 2]);
    expect(stored.filter((r) => r !== null)).toEqual([1, 2, 2 + SNAPSHOT_EVERY, 2 + 2 * SNAPSHOT_EVERY]);
    // Every event is in the log all the same, and the record's revision moved with each.
    expect(store.events).toHaveLength(2 + 2 * SNAPSHOT_EVERY);
    expect(store.record.revision).toBe(2 + 2 * SNAPSHOT_EVERY);
  });

  test('case 5: a restore replays the events after the stored snapshot, to the meeting as it was', async () => {
    const { store, runtime, send } = await speakingMeeting();
    for (let i = 0; i < SNAPSHOT_EVERY + 5; i++) await send({ type: 'turn.extend', seconds: 30 });
    // The stored snapshot is behind the meeting: it alone would lose the last five extensions.
    expect(storedSnapshotRevision(store.record)).toBe(2 + SNAPSHOT_EVERY);
    expect(restoreMeeting(store.record.snapshot).context.turnEndsAt).not.toBe(runtime.context.turnEndsAt);

    const registry = new MeetingRegistry({ store, transport: new FakeTransport(), clock: () => T0 + 3_600_000, log: new FakeLog() });
    expect(await registry.restoreAll()).toBe(1);
    const restored = registry.peek(store.record.id)!;
    expect({ revision: restored.revision, phase: restored.phase, context: restored.context }).toEqual({
      revision: runtime.revision, phase: runtime.phase, context: runtime.context,
    });
    // Only the tail is read back from the log.
    expect(store.calls.filter((c) => c === 'listEvents')).toHaveLength(1);
  });

  test('case 6: a pause, an outcome and a close each store their snapshot, so the record tells its phase and outcome', async () => {
    const { store, stored, send } = await speakingMeeting();
    await send({ type: 'turn.extend', seconds: 30 });
    expect(stored.at(-1)).toBeNull();
    await send({ type: 'pause.start', reason: 'outburst' });
    expect(stored.at(-1)).toBe(4);
    await send({ type: 'pause.end' });
    await send({ type: 'emergency.stop' });
    await send({ type: 'meeting.close' });
    expect(stored.slice(-3)).toEqual([5, 6, 7]);
    expect(restoreMeeting(store.record.snapshot).context.outcome).toMatchObject({ kind: 'safety-stop' });
  });

  test('case 7: a snapshot stored without its revision (at creation, or by the release before) is replaced by the next command', async () => {
    const { stored } = await speakingMeeting();
    // The creation snapshot carries no revision: meeting.start stores one whatever its phase.
    expect(stored[0]).toBe(1);
    const unmarked = { machineVersion: 1, state: {} };
    expect(storedSnapshotRevision({ snapshot: unmarked, revision: 7 })).toBeNull();
    expect(storedSnapshotRevision({ snapshot: { ...unmarked, revision: 5 }, revision: 7 })).toBe(5);
    expect(storedSnapshotRevision({ snapshot: { ...unmarked, machineVersion: 0, revision: 5 }, revision: 7 })).toBeNull();
  });
});
