// The live meetings held in memory: restored from their snapshots at start,
// loaded on demand afterwards, one runtime per meeting. A snapshot from
// another machine version, or one that does not restore, is rebuilt from the
// meeting's event log. With several processes (REDIS_URL, issue 17) a
// meeting is live here only while this process owns it (Ownership); for any
// other, `get` gives a stand-in that passes everything to the owner.
import type { MeetingSnapshot } from '../../shared/meeting/agenda.js';
import type { MeetingRecord, Meetings } from '../store/types.js';
import { MeetingRuntime, type RuntimeDeps, type RuntimeStore } from './runtime.js';
import { storedMeeting } from './snapshots.js';

/** What the registry asks of the store, beyond what each runtime does. */
export type RegistryStore = RuntimeStore & { meetings: Pick<Meetings, 'get' | 'listUnclosed' | 'listEvents'> };

/** How a registry shares meetings with other processes (server/cluster); absent, it serves every meeting itself. */
export interface Ownership {
  /** Take the meeting's lease; true once this process owns it. Never rejects. */
  take(meetingId: string): Promise<boolean>;
  /** Let the lease of a meeting taken in vain (there is no such meeting) go. Never rejects. */
  release(meetingId: string): Promise<void>;
  /** A stand-in for a meeting another process owns, at the stored record and snapshot. */
  remote(record: MeetingRecord, snapshot: MeetingSnapshot, deps: RuntimeDeps): MeetingRuntime;
}

export interface RegistryDeps extends RuntimeDeps {
  store: RegistryStore;
  ownership?: Ownership;
}

export class MeetingRegistry {
  private readonly live = new Map<string, MeetingRuntime>();
  private readonly loading = new Map<string, Promise<MeetingRuntime | undefined>>();

  constructor(private readonly deps: RegistryDeps) {}

  /**
   * Restore every meeting that is not closed; returns how many. A restored meeting with an outcome
   * has its after-care begun again (a no-op when it was), in case the last process stopped between
   * storing the outcome and beginning it.
   */
  async restoreAll(): Promise<number> {
    // Shared meetings are taken on demand, by whichever process a connection reaches first.
    if (this.deps.ownership) return 0;
    const records = await this.deps.store.meetings.listUnclosed();
    for (const record of records) {
      // Open before this process started: its people may have joined under the last one.
      if (!this.live.has(record.id)) this.live.set(record.id, await this.build(record, true));
      await this.live.get(record.id)!.outcomeStored();
    }
    return records.length;
  }

  async get(meetingId: string): Promise<MeetingRuntime | undefined> {
    const found = this.live.get(meetingId);
    if (found) return found;
    // Two connections arriving together must share one runtime.
    let pending = this.loading.get(meetingId);
    if (!pending) {
      pending = this.load(meetingId).finally(() => this.loading.delete(meetingId));
      this.loading.set(meetingId, pending);
    }
    return pending;
  }

  peek(meetingId: string): MeetingRuntime | undefined {
    return this.live.get(meetingId);
  }

  get size(): number {
    return this.live.size;
  }

  /** Forget meetings this process no longer owns (their lease is lost); their connections are the caller's to close. */
  drop(meetingIds: Iterable<string>): void {
    for (const id of meetingIds) {
      // Its presence timers would otherwise refresh views this process no longer owns.
      this.live.get(id)?.release();
      this.live.delete(id);
    }
  }

  /** The meetings live here, by id. */
  liveIds(): string[] {
    return [...this.live.keys()];
  }

  async drain(): Promise<void> {
    await Promise.all([...this.live.values()].map((runtime) => runtime.drain()));
  }

  private async load(meetingId: string): Promise<MeetingRuntime | undefined> {
    const ownership = this.deps.ownership;
    if (ownership && !(await ownership.take(meetingId))) {
      const record = await this.deps.store.meetings.get(meetingId);
      return record && ownership.remote(record, await this.snapshotOf(record), this.deps);
    }
    // Read after taking the lease: what the last owner stored is all there is.
    const record = await this.deps.store.meetings.get(meetingId);
    if (!record) {
      await ownership?.release(meetingId);
      return undefined;
    }
    // Taken over from another process, people may have joined it there (see Room).
    const runtime = await this.build(record, ownership !== undefined);
    this.live.set(meetingId, runtime);
    return runtime;
  }

  private async build(record: MeetingRecord, restored = false): Promise<MeetingRuntime> {
    return new MeetingRuntime(record, await this.snapshotOf(record), this.deps, restored);
  }

  /**
   * The meeting as its snapshot and the events stored after it hold it (a
   * snapshot is stored every few events, issue 14: snapshots.ts) or, when the
   * snapshot is from another machine version or does not restore, as its whole
   * event log replays. The rebuilt state is stored, with the current version,
   * by the meeting's next command. Throws if the log does not reach the
   * meeting's revision: serving a meeting with events missing would be worse
   * than not serving it.
   */
  private snapshotOf(record: MeetingRecord): Promise<MeetingSnapshot> {
    return storedMeeting(record, this.deps.store.meetings, (why) => {
      this.deps.log.warn({ meetingId: record.id, storedVersion: why.machineVersion, revision: record.revision }, 'snapshot rebuilt from the event log');
    });
  }
}
