// Snapshot versions: a stored snapshot records the machine version that made
// it. One from today's release (no version: version 1) restores unchanged; one
// from another version, or one that does not restore, is rebuilt by replaying
// the meeting's event log, and saved with the current version by the next command.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  MEETING_MACHINE_VERSION,
  persistMeeting,
  replay,
  restoreMeeting,
  SnapshotMismatch,
} from '../../shared/meeting/agenda.js';
import { MeetingRegistry } from '../../server/meetings/registry.js';
import { eventsTo, play } from '../machine/support.js';
import { Api, Client, startServer } from '../helpers/server.js';
import { FakeLog, FakeStore, FakeTransport, facilitator, newMeetingRecord, T0 } from './fakes.js';

/** What today's release stored: XState's persisted snapshot, bare. */
const bare = (snapshot: ReturnType<typeof play>) => JSON.parse(JSON.stringify(persistMeeting(snapshot).state));

describe('restoreMeeting', () => {
  test('a snapshot without a version (today’s release) counts as version 1 and restores unchanged', () => {
    expect(MEETING_MACHINE_VERSION).toBe(1);
    const paused = play(eventsTo('paused'));
    const restored = restoreMeeting(bare(paused));
    expect(persistMeeting(restored)).toEqual({ machineVersion: 1, state: bare(paused) });
  });

  test('a snapshot from another machine version is refused, naming the version', () => {
    const state = bare(play(eventsTo('speaking')));
    for (const machineVersion of [MEETING_MACHINE_VERSION - 1, MEETING_MACHINE_VERSION + 1]) {
      const error = catchMismatch(() => restoreMeeting({ machineVersion, state }));
      expect(error.machineVersion).toBe(machineVersion);
    }
  });

  test('a snapshot that does not restore is refused instead of becoming a fresh or errored meeting', () => {
    // Regression pinned: XState answers a fresh meeting for null and an errored snapshot for an unknown state.
    const state = bare(play(eventsTo('speaking')));
    const broken = [null, 'text', {}, { machineVersion: 1 }, { ...state, value: { active: { live: 'renamed-phase' } } }, { ...state, value: 'gone' }];
    for (const stored of broken) expect(catchMismatch(() => restoreMeeting(stored)).machineVersion).toBeNull();
  });
});

describe('the registry', () => {
  function registryOver(store: FakeStore) {
    const log = new FakeLog();
    const registry = new MeetingRegistry({ store, transport: new FakeTransport(), clock: () => T0 + 3_600_000, log });
    return { registry, log };
  }

  /** A meeting played to the given phase, with its log in the store and a snapshot made by `stored`. */
  function storedMeeting(stored: (live: ReturnType<typeof play>) => unknown) {
    const record = newMeetingRecord();
    const events = eventsTo('paused').map((event, i) => ({ ...event, commandId: `c-${i + 1}` }));
    const live = play(events, record.input);
    const store = new FakeStore({ ...record, snapshot: stored(live), revision: events.length, phase: 'paused' });
    store.events.push(...events.map((event, i) => ({ revision: i + 1, commandId: event.commandId, event })));
    return { store, live, record };
  }

  test('rebuilds a meeting whose snapshot is from an older machine by replaying its log, to the live state', async () => {
    // The old snapshot holds the meeting as created: only a replay can reach the paused meeting.
    const { store, live, record } = storedMeeting(() => ({ machineVersion: 0, state: bare(play([], newMeetingRecord().input)) }));
    const { registry, log } = registryOver(store);
    expect(await registry.restoreAll()).toBe(1);
    const runtime = registry.peek(record.id)!;
    expect({ phase: runtime.phase, revision: runtime.revision, context: runtime.context }).toEqual({ phase: 'paused', revision: 3, context: live.context });
    expect(log.lines).toContainEqual({ level: 'warn', obj: { meetingId: record.id, storedVersion: 0, revision: 3 }, msg: 'snapshot rebuilt from the event log' });
    // The next command stores the rebuilt meeting with the current version.
    expect(await runtime.handle({ commandId: 'c-4', type: 'pause.end', expectedRevision: 3 }, facilitator)).toEqual({ ok: true, revision: 4 });
    expect(store.record.snapshot).toMatchObject({ machineVersion: MEETING_MACHINE_VERSION, state: { value: { active: { live: 'speaking' } } } });
    expect(restoreMeeting(store.record.snapshot).context.pause).toBeNull();
  });

  test('rebuilds a meeting whose snapshot does not restore, on load as on start', async () => {
    const { store, live, record } = storedMeeting((m) => ({ machineVersion: 1, state: { ...bare(m), value: { active: { live: 'renamed' } } } }));
    const { registry } = registryOver(store);
    expect((await registry.get(record.id))!.context).toEqual(live.context);
  });

  test('restores a current snapshot without reading the log', async () => {
    const { store, live, record } = storedMeeting((m) => persistMeeting(m));
    const { registry } = registryOver(store);
    expect((await registry.get(record.id))!.context).toEqual(live.context);
    expect(store.calls).not.toContain('listEvents');
  });

  test('refuses to serve a meeting whose log does not reach its revision', async () => {
    const { store, record } = storedMeeting(() => ({ machineVersion: 0, state: {} }));
    store.events.splice(1, 1);
    const { registry } = registryOver(store);
    await expect(registry.get(record.id)).rejects.toThrow(/does not reach revision 3/);
  });
});

describe('a database and a snapshot made by today’s release (tests/fixtures/v1-release)', () => {
  const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'v1-release');
  const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8'));

  test('restore unchanged, and carry on with versioned snapshots', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'threshold-v1-'));
    cpSync(FIXTURE, dataDir, { recursive: true });
    const server = await startServer({ THRESHOLD_KEY: expected.key }, dataDir);
    const clients: Client[] = [];
    try {
      const { store, registry } = server.threshold.services;
      const record = (await store.meetings.get(expected.meetingId))!;
      expect(record.snapshot).not.toHaveProperty('machineVersion');
      // Unchanged: the stored state is taken as it is, and it is the state its log replays to.
      const restored = restoreMeeting(record.snapshot);
      expect(persistMeeting(restored).state).toEqual(record.snapshot);
      const events = (await store.meetings.listEvents(expected.meetingId)).map((e) => e.event);
      expect(persistMeeting(replay(record.input, events)).state).toEqual(record.snapshot);

      const runtime = registry.peek(expected.meetingId)!;
      expect({ phase: runtime.phase, revision: runtime.revision, speaker: runtime.context.currentSpeakerId, endsAt: runtime.context.turnEndsAt }).toEqual({
        phase: expected.phase, revision: expected.revision, speaker: expected.currentSpeakerId, endsAt: expected.turnEndsAt,
      });
      expect(runtime.context).toEqual(restored.context);

      const api = new Api(server.url);
      expect((await api.post('/api/login', { email: expected.email, password: expected.password })).status).toBe(200);
      const console_ = await Client.open(server.url, { meetingId: expected.meetingId }, api.cookie);
      clients.push(console_);
      expect(await console_.send({ type: 'pause.end' })).toEqual({ ok: true, revision: expected.revision + 1 });
      const after = (await store.meetings.get(expected.meetingId))!;
      expect(after.snapshot).toMatchObject({ machineVersion: MEETING_MACHINE_VERSION, state: { status: 'active' } });
      expect(restoreMeeting(after.snapshot).context).toEqual(runtime.context);
    } finally {
      for (const c of clients) c.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function catchMismatch(restore: () => unknown): SnapshotMismatch {
  try {
    restore();
  } catch (error) {
    if (error instanceof SnapshotMismatch) return error;
    throw error;
  }
  throw new Error('the snapshot was restored');
}
