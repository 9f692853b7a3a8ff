// Several Threshold processes behind one address (REDIS_URL with
// DATABASE_URL, issue 17). Socket.IO's Redis Streams adapter carries every
// room broadcast between the processes; each meeting has one owner, the
// process holding its lease in PostgreSQL (leases.ts). A connection may reach
// any process: there, a meeting it does not own is a stand-in (remote.ts)
// that forwards commands to the owner with the adapter's serverSideEmit and
// waits for the owner's Ack; presence goes the same way. Why forwarding and
// not routing: docs/deployment.md.
import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { MeetingSnapshot } from '../../shared/meeting/agenda.js';
import type { Sender } from '../../shared/meeting/permissions.js';
import type { Ack } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import type { MeetingRegistry, Ownership } from '../meetings/registry.js';
import type { Connection, MeetingRuntime, MeetingTransport, RuntimeDeps } from '../meetings/runtime.js';
import type { Seat } from '../realtime/guests.js';
import type { Admission } from '../realtime/handshake.js';
import type { MeetingRecord } from '../store/types.js';
import { hashToken } from '../security/secrets.js';
import { MeetingLeases } from './leases.js';
import { RedisLoginLockout, redisRateStore, type Lockout } from './limits.js';
import { RemoteMeeting, type Forwarder } from './remote.js';

/** How often a process with connections to a meeting it does not own checks that someone owns it (ms). */
export const OWNER_CHECK_MS = 2000;
/** The adapter's heartbeat: a process silent this long is counted gone, and requests stop waiting for it (ms). */
const HEARTBEAT = { heartbeatInterval: 1000, heartbeatTimeout: 3000 };
/** How long one read of the adapter's stream blocks: closing waits for the read in progress (ms). */
const STREAM_BLOCK_MS = 1000;

const EVENT = {
  command: 'threshold:command', answer: 'threshold:answer', presence: 'threshold:presence', moved: 'threshold:moved', released: 'threshold:released',
  seat: 'threshold:seat', devices: 'threshold:devices',
} as const;
/** How long a forwarded command waits for the owner's answer before the owner is presumed gone (ms). */
export const FORWARD_TIMEOUT_MS = 5000;
const NO_OWNER = { code: 'UNAVAILABLE', message: 'The meeting is moving to another server; please try again' } as const;

/** The room every connection of meeting `id` joins, on every process. */
const wholeMeeting = (meetingId: string) => `meeting:${meetingId}`;

type RedisClient = ReturnType<typeof createClient>;

/** The hub's count of screens per link (server/realtime/hub.ts). */
interface Devices {
  spansProcesses?: boolean;
  devicesEverywhere: ((linkId: string) => Promise<number>) | null;
  devicesHere(linkId: string): number;
}

/** This process's lobby counts (server/realtime/guests.ts): the owner answers other processes' guests from them. */
export interface LobbySeats {
  seat(runtime: MeetingRuntime, linkId: string, participantId: string, now: number): Seat;
}

export class Cluster implements Ownership, Forwarder {
  private io: Server | null = null;
  private registry: MeetingRegistry | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Broadcasts still on their way out through Redis (see settled). */
  private readonly sending = new Set<Promise<unknown>>();
  /** Forwarded commands and lobby requests waiting for the owner's answer, by request id. */
  private readonly waiting = new Map<string, (answer: unknown) => void>();
  private lobby: LobbySeats | null = null;
  private devices: Devices | null = null;
  /** Connections here to meetings another process owns, per meeting. */
  private readonly standIns = new Map<string, number>();
  /** Meetings with stand-ins here known closed: nothing is written to them any more, so nobody needs to own them. */
  private readonly closedMeetings = new Set<string>();
  readonly leases: MeetingLeases;

  private constructor(
    private readonly redis: RedisClient,
    databaseUrl: string,
    private readonly log: Logger,
  ) {
    this.leases = new MeetingLeases(databaseUrl, (lost) => this.lost(lost));
  }

  /** Connects to Redis at `redisUrl`; throws with a message naming only the host when it cannot. */
  static async connect(redisUrl: string, databaseUrl: string, log: Logger): Promise<Cluster> {
    // Without Redis a publish fails at once instead of waiting in a queue: the adapter then still
    // delivers to this process's own sockets, so a meeting whose people are all here goes on.
    const redis = createClient({ url: redisUrl, disableOfflineQueue: true });
    // The adapter's readers (duplicates) block on XREAD and retry at once on an error: they keep the
    // queue, so that while Redis is away they wait for it rather than spin.
    const duplicate = redis.duplicate.bind(redis);
    redis.duplicate = ((overrides?: Parameters<typeof duplicate>[0]) => duplicate({ disableOfflineQueue: false, ...overrides })) as typeof redis.duplicate;
    // Reconnects by itself; only the code is logged (a message could quote the URL's password).
    redis.on('error', (error: { code?: string }) => log.error({ err: { code: error.code } }, 'the Redis connection failed'));
    try {
      await redis.connect();
    } catch (error) {
      await redis.destroy();
      throw new Error(`cannot reach Redis at ${new URL(redisUrl).host} (${(error as { code?: string }).code ?? 'unknown error'}): check REDIS_URL`);
    }
    return new Cluster(redis, databaseUrl, log);
  }

  /** The transport the registry uses: views are built even with nobody listening here, since listeners may be on another process. */
  transport(hub: MeetingTransport & Devices): MeetingTransport {
    hub.spansProcesses = true;
    this.devices = hub;
    hub.devicesEverywhere = (linkId) => this.devicesEverywhere(linkId);
    return {
      deliver: (meetingId, deliveries) => {
        hub.deliver(meetingId, deliveries);
        this.published(meetingId);
      },
      // Protocol v2 (issue 14): parts and the agenda room reach the other processes through the adapter too.
      deliverParts: (meetingId, parts) => {
        hub.deliverParts(meetingId, parts);
        this.published(meetingId);
      },
      agendaAccess: (meetingId, participantId, admitted) => hub.agendaAccess(meetingId, participantId, admitted),
      listening: () => true,
      dismiss: (meetingId, participantId) => hub.dismiss(meetingId, participantId),
    };
  }

  /** Puts the adapter under `io` and answers the other processes; call once, before listening. */
  attach(io: Server, registry: MeetingRegistry, lobby: LobbySeats): void {
    this.io = io;
    this.registry = registry;
    this.lobby = lobby;
    io.adapter(createAdapter(this.redis, { ...HEARTBEAT, blockTimeInMs: STREAM_BLOCK_MS }));
    // The adapter emits to this process's own sockets only once Redis took the message: keep
    // track, so that an Ack waits for the sender's view (settled).
    const adapter = io.of('/').adapter;
    const broadcast = adapter.broadcast.bind(adapter);
    adapter.broadcast = (packet, opts) => {
      const sent = Promise.resolve(broadcast(packet, opts)).catch(() => undefined);
      this.sending.add(sent);
      void sent.finally(() => this.sending.delete(sent));
      return sent as unknown as void;
    };
    io.on('connection', (socket) => {
      const { runtime } = socket.data.admission as Admission;
      void socket.join(wholeMeeting(runtime.id));
      // A closed meeting opened here (a console reading it afterwards) is served without its lease.
      if (!(runtime instanceof RemoteMeeting)) this.published(runtime.id);
      if (runtime instanceof RemoteMeeting) {
        this.standIns.set(runtime.id, (this.standIns.get(runtime.id) ?? 0) + 1);
        socket.once('disconnect', () => {
          const left = (this.standIns.get(runtime.id) ?? 1) - 1;
          if (left > 0) this.standIns.set(runtime.id, left);
          else {
            this.standIns.delete(runtime.id);
            this.closedMeetings.delete(runtime.id);
          }
        });
      }
    });
    // Only the owner answers, and through the stream, behind the views the command published: the
    // sender's process relays those views before the answer, as a single process does.
    io.on(EVENT.command, (requestId: string, meetingId: string, raw: unknown, sender: Sender) => {
      void this.owned(meetingId).then(async (runtime) => {
        if (runtime) io.serverSideEmit(EVENT.answer, requestId, await runtime.handle(raw, sender));
      }).catch((error: unknown) => this.log.error({ meetingId, err: error instanceof Error ? error.name : 'unknown' }, 'forwarded command failed'));
    });
    io.on(EVENT.answer, (requestId: string, answer: unknown) => {
      this.waiting.get(requestId)?.(answer);
    });
    // The lobby is counted where it is kept: by the owner, in one step (GuestLobby.seat), for guests arriving anywhere.
    io.on(EVENT.seat, (requestId: string, meetingId: string, linkId: string, participantId: string, now: number) => {
      void this.owned(meetingId).then((runtime) => {
        if (runtime) io.serverSideEmit(EVENT.answer, requestId, this.lobby?.seat(runtime, linkId, participantId, now) ?? 'UNAVAILABLE');
      }).catch((error: unknown) => this.log.error({ meetingId, err: error instanceof Error ? error.name : 'unknown' }, 'lobby request not answered'));
    });
    io.on(EVENT.presence, (meetingId: string, change: 'attach' | 'detach', conn: Connection) => {
      void this.owned(meetingId).then(async (runtime) => {
        if (!runtime) return;
        // A participant's first view carries their letter: read the texts first, as the handshake does here.
        if (change === 'attach' && conn.role === 'participant') await runtime.loadTexts();
        if (change === 'attach') runtime.attach(conn);
        else runtime.detach(conn);
      }).catch((error: unknown) => this.log.error({ meetingId, err: error instanceof Error ? error.name : 'unknown' }, 'presence from another process not applied'));
    });
    io.on(EVENT.moved, (meetingId: string) => this.reconnectHere(meetingId));
    io.on(EVENT.devices, (linkId: string, answer: (devices: number) => void) => answer(this.devices?.devicesHere(linkId) ?? 0));
    // Another process let meetings go: closed ones need no owner; the others are taken at once by a
    // process with connections to them, instead of at its next check (graceful stop, issue 17).
    io.on(EVENT.released, (meetingIds: string[], closed: boolean) => {
      for (const meetingId of meetingIds) {
        if (closed && this.standIns.has(meetingId)) this.closedMeetings.add(meetingId);
        else if (this.standIns.has(meetingId)) void this.take(meetingId);
      }
    });
    this.timer = setInterval(() => void this.checkOwners(), OWNER_CHECK_MS);
    this.timer.unref();
  }

  async take(meetingId: string): Promise<boolean> {
    if (this.leases.holds(meetingId)) return true;
    if (!(await this.leases.take(meetingId))) return false;
    this.log.info({ meetingId }, 'meeting taken: this process owns it now');
    // Connections here and elsewhere told the last owner they were there: they reconnect and tell this one.
    this.io?.serverSideEmit(EVENT.moved, meetingId);
    this.reconnectHere(meetingId);
    return true;
  }

  release(meetingId: string): Promise<void> {
    return this.leases.release(meetingId);
  }

  remote(record: MeetingRecord, snapshot: MeetingSnapshot, deps: RuntimeDeps): RemoteMeeting {
    return new RemoteMeeting(record, snapshot, deps, this);
  }

  async command(meetingId: string, raw: unknown, sender: Sender, revision: number): Promise<Ack> {
    const ack = await this.ask<Ack>(EVENT.command, meetingId, raw, sender);
    if (ack) return ack;
    // No owner answered: it may be gone. Taking the meeting reconnects everyone, this sender too, who retries.
    await this.take(meetingId);
    return { ok: false, error: NO_OWNER, revision };
  }

  async seat(meetingId: string, linkId: string, participantId: string, now: number): Promise<Seat> {
    const seat = await this.ask<Seat>(EVENT.seat, meetingId, linkId, participantId, now);
    if (seat) return seat;
    // No owner answered: as for a command, the meeting is taken, and the guest tries again.
    await this.take(meetingId);
    return 'UNAVAILABLE';
  }

  /**
   * How many screens hold link `linkId`: this process's, and each other
   * process's as it answers (a process that does not answer within the
   * adapter's 5 s counts none; one silent past the heartbeat is not asked).
   */
  devicesEverywhere(linkId: string): Promise<number> {
    const here = this.devices?.devicesHere(linkId) ?? 0;
    const io = this.io;
    if (!io) return Promise.resolve(here);
    return new Promise((resolve) => {
      io.serverSideEmit(EVENT.devices, linkId, (_error: Error | null, answers: unknown[]) => {
        resolve(here + (answers ?? []).reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0));
      });
    });
  }

  presence(meetingId: string, change: 'attach' | 'detach', conn: Connection): void {
    this.io?.serverSideEmit(EVENT.presence, meetingId, change, conn);
  }

  /** The login limits every process shares (server/cluster/limits.ts). */
  limits(clock: () => number): { rateStore: ReturnType<typeof redisRateStore>; lockout: Lockout } {
    return { rateStore: redisRateStore(this.redis), lockout: new RedisLoginLockout(this.redis, clock, hashToken) };
  }

  /** Resolves once every broadcast made so far has reached this process's own sockets. */
  async settled(): Promise<void> {
    await Promise.all([...this.sending]);
  }

  /** Whether Redis answers a PING within `timeoutMs`. */
  async ready(timeoutMs = 2000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.redis.ping().then((reply) => reply === 'PONG'),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs))),
      ]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Stops sharing: the leases go first (ending their connection frees them all
   * in PostgreSQL at once) and the other processes hear which meetings are
   * free, so that one with connections to them takes each over now rather
   * than at its next check. Call it after this process's connections closed
   * (a graceful stop: app.close() closes them in preClose, then this).
   */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const meetingIds = this.registry?.liveIds().filter((id) => this.leases.holds(id)) ?? [];
    this.registry?.drop(meetingIds);
    await this.leases.close();
    if (meetingIds.length > 0) {
      this.io?.serverSideEmit(EVENT.released, meetingIds, false);
      this.log.info({ meetings: meetingIds.length }, 'meetings handed over: their leases are free');
    }
    // Tells the other processes this one is gone, and stops reading the stream; the Redis client's
    // close sends what is queued (the release above) before it quits.
    await Promise.resolve(this.io?.of('/').adapter.close()).catch(() => undefined);
    await this.redis.close().catch(() => undefined);
  }

  /**
   * Sends `event` with a new request id, then `meetingId` and `args`, to the
   * other processes; resolves with the owner's answer, or null when none came
   * within FORWARD_TIMEOUT_MS.
   */
  private async ask<T>(event: string, meetingId: string, ...args: unknown[]): Promise<T | null> {
    const requestId = randomUUID();
    return new Promise<T | null>((resolve) => {
      if (!this.io) return resolve(null);
      const timer = setTimeout(() => resolve(null), FORWARD_TIMEOUT_MS);
      this.waiting.set(requestId, (answer) => {
        clearTimeout(timer);
        resolve(answer as T);
      });
      this.io.serverSideEmit(event, requestId, meetingId, ...args);
    }).finally(() => this.waiting.delete(requestId));
  }

  /**
   * The live runtime of a meeting this process owns, or null. A closed meeting
   * kept here answers without its lease: every command to it is refused, so
   * nothing is written that the lease would have to fence.
   */
  private async owned(meetingId: string) {
    if (!this.registry) return null;
    const kept = this.registry.peek(meetingId);
    if (kept && !(kept instanceof RemoteMeeting) && kept.phase === 'closed') return kept;
    if (!this.leases.holds(meetingId)) return null;
    const runtime = await this.registry.get(meetingId);
    return runtime && !(runtime instanceof RemoteMeeting) ? runtime : null;
  }

  /**
   * After each publish of a meeting this process owns: once it is closed, its
   * lease goes at once (an advisory lock held for a meeting that can no longer
   * change would only fill PostgreSQL's lock table), and the other processes
   * stop watching for its owner.
   */
  private published(meetingId: string): void {
    if (!this.leases.holds(meetingId) || this.registry?.peek(meetingId)?.phase !== 'closed') return;
    void this.leases.release(meetingId).then(() => {
      this.io?.serverSideEmit(EVENT.released, [meetingId], true);
      this.log.info({ meetingId }, 'meeting closed: its lease is free');
    });
  }

  /**
   * Every few seconds: a meeting with connections here and no owner (its
   * process died) is taken, restored from PostgreSQL, and everyone reconnects.
   */
  private async checkOwners(): Promise<void> {
    for (const meetingId of this.standIns.keys()) {
      if (!this.leases.holds(meetingId) && !this.closedMeetings.has(meetingId)) await this.take(meetingId);
    }
  }

  /** The lease connection failed: this process stops applying those meetings' commands, and their connections here go elsewhere. */
  private lost(meetingIds: string[]): void {
    this.log.error({ meetings: meetingIds.length }, 'meeting leases lost with the database connection: their commands go to another process');
    this.registry?.drop(meetingIds);
    for (const meetingId of meetingIds) this.reconnectHere(meetingId);
  }

  /**
   * Closes the transport of this process's connections to the meeting, so
   * that their clients reconnect by themselves (to any process) and resync.
   */
  private reconnectHere(meetingId: string): void {
    const room = this.io?.of('/').adapter.rooms.get(wholeMeeting(meetingId));
    for (const id of room ?? []) this.io?.of('/').sockets.get(id)?.conn.close();
  }
}
