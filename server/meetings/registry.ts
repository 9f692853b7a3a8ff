// The live meetings held in memory: restored from their snapshots at start,
// loaded on demand afterwards, one runtime per meeting.
import type { MeetingRecord } from '../store/types.js';
import { MeetingRuntime, type RuntimeDeps } from './runtime.js';

export class MeetingRegistry {
  private readonly live = new Map<string, MeetingRuntime>();
  private readonly loading = new Map<string, Promise<MeetingRuntime | undefined>>();

  constructor(private readonly deps: RuntimeDeps) {}

  /** Restore every meeting that is not closed; returns how many. */
  async restoreAll(): Promise<number> {
    const records = await this.deps.store.meetings.listUnclosed();
    for (const record of records) {
      if (!this.live.has(record.id)) this.live.set(record.id, await this.build(record));
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

  async drain(): Promise<void> {
    await Promise.all([...this.live.values()].map((runtime) => runtime.drain()));
  }

  private async load(meetingId: string): Promise<MeetingRuntime | undefined> {
    const record = await this.deps.store.meetings.get(meetingId);
    if (!record) return undefined;
    const runtime = await this.build(record);
    this.live.set(meetingId, runtime);
    return runtime;
  }

  private async build(record: MeetingRecord): Promise<MeetingRuntime> {
    return new MeetingRuntime(record, this.deps);
  }
}
