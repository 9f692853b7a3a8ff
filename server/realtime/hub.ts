// The Socket.IO transport: it authenticates a connection, puts it in the
// rooms of its meeting and role, passes commands to the meeting runtime and
// delivers the views the runtime publishes. No rule lives here.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { EVENTS } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import type { Audience, Delivery, MeetingTransport, PartDelivery } from '../meetings/runtime.js';
import type { ProtocolVersion } from '../../shared/protocol.js';
import type { Disconnector, Services } from '../services.js';
import { failpoint } from '../failpoints.js';
import { ORIGIN_REFUSED, originAllowed } from '../security/origin.js';
import type { Sessions } from '../sessions.js';
import { SharedBudgets, type MessageBudget } from './budget.js';
import { admit, HandshakeRefusal, type Admission } from './handshake.js';
import { budgetKey, keepNewest } from './per-link.js';

export const MAX_MESSAGE_BYTES = 64 * 1024;
/** How often ended facilitator sessions are looked for. */
const SESSION_CHECK_MS = 30_000;
/** Activity refreshes a session at most this often, however many consoles it has open (issue 14). */
const ACTIVITY_EVERY_MS = 30_000;
/** Messages refused within FLOOD_WINDOW_MS before a flooding connection is closed. */
const FLOOD_DISCONNECT_AFTER = 200;
/** The window refusals are counted in (ms). */
const FLOOD_WINDOW_MS = 10_000;

/** The answer to a command from a session that has ended; its connections are then closed. */
const SESSION_ENDED = { code: 'FORBIDDEN', message: 'Your session has ended; please sign in again' } as const;
/** The answer to any other command from a locked console; its connection stays open (issue 13, item 3). */
const CONSOLE_LOCKED = { code: 'FORBIDDEN', message: 'The console is locked: enter your password to go on' } as const;
/** What a locked console may still do while its meeting is live: keep the family safe (issue 13, item 3). */
export const LOCKED_COMMANDS: ReadonlySet<string> = new Set(['pause.start', 'emergency.stop']);

/** One audience's room; v2 connections have rooms of their own, so that no v1 view reaches them, nor a part a v1 client. */
const meetingRoom = (meetingId: string, audience: Audience, protocol: ProtocolVersion = 1) => {
  const base = protocol === 2 ? `m:${meetingId}:v2` : `m:${meetingId}`;
  return audience.kind === 'participant' ? `${base}:p:${audience.participantId}` : `${base}:${audience.kind}`;
};
/** Every console of a meeting, whichever protocol it speaks (a v2 console sits in its own room). */
const consoleRooms = (meetingId: string) => [meetingRoom(meetingId, { kind: 'facilitator' }), meetingRoom(meetingId, { kind: 'facilitator' }, 2)];
/** v2: everyone let in, the displays and the facilitator; the agenda is encoded once for all of them. */
const agendaRoom = (meetingId: string) => `m:${meetingId}:agenda`;
const PART_EVENTS = { you: EVENTS.you, facilitator: EVENTS.facilitator } as const;

export class RealtimeHub implements MeetingTransport, Disconnector {
  /** True when rooms span several processes (the Redis adapter, issue 17): a room empty here may not be empty. */
  spansProcesses = false;
  /**
   * With several processes (issue 17): how many screens hold a link on every
   * process together (server/cluster asks the others); null: this process's are all there are.
   */
  devicesEverywhere: ((linkId: string) => Promise<number>) | null = null;
  /** Per link, the count being told now: the next waits for it, so screens hear the counts in order. */
  private readonly devicesTold = new Map<string, Promise<void>>();
  private io: Server | null = null;
  private budgets: SharedBudgets | null = null;
  private sessions: Sessions | null = null;
  private sessionTimer: NodeJS.Timeout | null = null;
  private services: Services | null = null;
  /** Per facilitator session with a console connected here: when activity last refreshed it (epoch ms, the server's clock). */
  private readonly sessionActiveAt = new Map<string, number>();

  constructor(private readonly log: Logger) {}

  /** Create the Socket.IO server on `httpServer`; called once, by the realtime plugin. */
  attach(httpServer: HttpServer, services: Services, sessions: Sessions): Server {
    this.budgets = new SharedBudgets(Date.now, services.config.socketMessagesPerSecond);
    this.sessions = sessions;
    this.services = services;
    this.sessionTimer = setInterval(() => void this.checkSessions().catch(() => undefined), SESSION_CHECK_MS);
    this.sessionTimer.unref();
    const io = new Server(httpServer, {
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      serveClient: false,
      // A tablet that vanishes shows as away within 13 s (8 + 5), not the default 45.
      pingInterval: 8_000,
      pingTimeout: 5_000,
      // Checked on every handshake request, websocket upgrades included.
      allowRequest: (req, callback) => {
        const allowed = originAllowed(req.headers, services.config.allowedOrigins);
        callback(allowed ? null : ORIGIN_REFUSED, allowed);
      },
    });
    io.use((socket, next) => {
      admit(services, sessions, (socket.handshake.auth ?? {}) as Record<string, unknown>, socket.handshake.headers.cookie)
        .then((admission) => {
          socket.data.admission = admission;
          next();
        })
        .catch((error: unknown) => next(refusal(error, this.log)));
    });
    io.on('connection', (socket) => this.onConnection(socket));
    this.io = io;
    return io;
  }

  private onConnection(socket: Socket) {
    const { runtime, conn, linkId, sessionHash, issuedToken } = socket.data.admission as Admission;
    const audience: Audience =
      conn.role === 'participant' ? { kind: 'participant', participantId: conn.participantId! } : { kind: conn.role };
    const protocol = conn.protocol ?? 1;
    const rooms = [meetingRoom(runtime.id, audience, protocol)];
    // A participant enters the agenda room once let in, as the publisher decides (agendaAccess).
    if (protocol === 2 && conn.role !== 'participant') rooms.push(agendaRoom(runtime.id));
    if (linkId) rooms.push(`link:${linkId}`);
    if (sessionHash) rooms.push(`session:${sessionHash}`);
    // Issue 16: an account's consoles, to close them when it is deactivated or taken off a case.
    if (conn.accountId) rooms.push(`account:${conn.accountId}`);
    socket.join(rooms);
    if (linkId) keepNewest(this.io!, linkId, conn.role, this.log);
    if (linkId) this.tellDevices(runtime.id, linkId);
    if (issuedToken) socket.emit(EVENTS.credential, { token: issuedToken, participantId: conn.participantId });
    // Attaching publishes this socket's first view, and the facilitator's with the new presence.
    runtime.attach(conn);
    if (conn.role === 'facilitator') this.tellConsoles(runtime.id);
    const { budget, release } = this.budgets!.hold(budgetKey(socket.data.admission as Admission));
    this.limitFlood(socket, budget, () => runtime.revisionFor(conn));
    // The console reports that someone is at the keyboard, so watching a meeting does not count as idle.
    if (sessionHash) socket.on(EVENTS.activity, () => this.sessionActive(sessionHash));
    socket.on(EVENTS.command, (payload: unknown, ack: unknown) => {
      // Every facilitator command checks its session first (issue 12, case 9), remembered a few seconds (issue 14).
      const sessionChecked = sessionHash ? this.sessionStillAlive(sessionHash) : Promise.resolve(true);
      sessionChecked.then(async (alive) => {
        if (alive && sessionHash) this.sessionActive(sessionHash);
        if (alive) return runtime.handle(payload, conn);
        // A locked console (idle, within SESSION_HOURS) may still pause or stop a live meeting; each use is audited.
        const locked = await this.sessions!.locked(sessionHash!).catch(() => undefined);
        if (!locked) return { ok: false as const, error: SESSION_ENDED, revision: runtime.revision };
        const type = String((payload as { type?: unknown } | null)?.type);
        if (!LOCKED_COMMANDS.has(type) || runtime.phase === 'closed') return { ok: false as const, error: CONSOLE_LOCKED, revision: runtime.revisionFor(conn) };
        const answer = await runtime.handle(payload, conn);
        await this.services!.store.audit.append({
          at: this.services!.clock(), actorRole: 'facilitator', actorId: locked.facilitatorId, action: 'console.locked.command',
          meetingId: runtime.id, subjectId: null, detail: { command: type, accepted: answer.ok },
        });
        return answer;
      }).then(
        (answer) => {
          if (typeof ack === 'function') ack(answer);
          if (answer.ok) failpoint('after-ack', String((payload as { type?: unknown }).type));
          else if (answer.error === SESSION_ENDED) this.endSession(sessionHash!);
        },
        (error: unknown) => {
          this.log.error({ meetingId: runtime.id, err: error instanceof Error ? error.message : 'unknown' }, 'command failed');
          if (typeof ack === 'function') {
            ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'Something went wrong; please try again' }, revision: runtime.revisionFor(conn) });
          }
        },
      );
    });
    socket.on('disconnect', () => {
      release();
      runtime.detach(conn);
      if (linkId) this.tellDevices(runtime.id, linkId);
      if (conn.role === 'facilitator') this.tellConsoles(runtime.id);
      // Its last console here has gone (Socket.IO has taken this one out of its rooms already).
      if (sessionHash && this.roomSize(`session:${sessionHash}`) === 0) this.sessionActiveAt.delete(sessionHash);
    });
  }

  /**
   * Someone is at a console of this session (a command, the keyboard): push back its idle deadline,
   * at most once per ACTIVITY_EVERY_MS for all its consoles together. Counted per connection, a
   * session with many consoles open wrote its row once per console (issue 14: in the bench, 500
   * consoles on one session, each a synchronous, fsync-ed write on the event loop). Never rejects.
   */
  private sessionActive(sessionHash: string): void {
    // The server's clock, as the idle deadline it pushes back: on another clock a refresh due by the
    // deadline's time could be skipped (the idle e2e test, with its server clock moved, failed so in CI).
    const now = this.services!.clock();
    if (now - (this.sessionActiveAt.get(sessionHash) ?? 0) < ACTIVITY_EVERY_MS) return;
    this.sessionActiveAt.set(sessionHash, now);
    void this.touchSession(sessionHash);
  }

  /**
   * Every screen on a link hears how many hold it, and the meeting's consoles
   * hear it with the link's id, so a second device is never unnoticed (issue 13, item 8).
   */
  private tellDevices(meetingId: string, linkId: string): void {
    const told = (this.devicesTold.get(linkId) ?? Promise.resolve()).then(async () => {
      const devices = await this.devicesOn(linkId);
      this.io?.to(`link:${linkId}`).emit(EVENTS.linkDevices, { devices });
      this.io?.to(consoleRooms(meetingId)).emit(EVENTS.linkDevices, { linkId, devices });
    });
    this.devicesTold.set(linkId, told);
    void told.finally(() => {
      if (this.devicesTold.get(linkId) === told) this.devicesTold.delete(linkId);
    });
  }

  /**
   * The meeting's consoles hear which colleagues have it open (issue 16): `{consoles: [{accountId,
   * name, screens}]}`, on every console's arrival and departure. Names of the practice's own staff
   * only, never the family's; this process's connections (a meeting has one owner process).
   */
  private tellConsoles(meetingId: string): void {
    const rooms = consoleRooms(meetingId);
    const byAccount = new Map<string, { accountId: string; name: string; screens: number }>();
    const ids = new Set(rooms.flatMap((room) => [...(this.io?.sockets.adapter.rooms.get(room) ?? [])]));
    for (const id of ids) {
      const conn = (this.io!.sockets.sockets.get(id)?.data.admission as Admission | undefined)?.conn;
      if (!conn?.accountId) continue;
      const seen = byAccount.get(conn.accountId);
      if (seen) seen.screens += 1;
      else byAccount.set(conn.accountId, { accountId: conn.accountId, name: conn.name ?? '', screens: 1 });
    }
    this.io?.to(rooms).emit(EVENTS.consoles, { consoles: [...byAccount.values()] });
  }

  /**
   * Every message spends from `budget`, which this connection shares with the others of its
   * person, link or session. Over budget, a command is answered RATE_LIMITED and anything else
   * is dropped; a connection that keeps flooding is closed.
   */
  private limitFlood(socket: Socket, budget: MessageBudget, revision: () => number) {
    // Counted in a window, not "in a row": the budget refills every few milliseconds, so a
    // steady flood always has an accepted message between refusals, and a count that reset
    // on each one never reached the limit (found by a newcomer's flood: 11,000 messages in 5 s).
    let refused = 0;
    let windowStart = Date.now();
    socket.use((packet, next) => {
      if (budget.take()) return next();
      const now = Date.now();
      if (now - windowStart > FLOOD_WINDOW_MS) {
        windowStart = now;
        refused = 0;
      }
      if (++refused > FLOOD_DISCONNECT_AFTER) {
        this.log.warn({ refused }, 'connection closed for flooding');
        socket.disconnect(true);
        return;
      }
      const ack = packet.at(-1);
      if (packet[0] === EVENTS.command && typeof ack === 'function') {
        ack({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many actions at once; please wait a moment' }, revision: revision() });
      }
    });
  }

  deliver(meetingId: string, deliveries: Delivery[]): void {
    if (!this.io) return;
    for (const { audience, view } of deliveries) this.io.to(meetingRoom(meetingId, audience)).emit(EVENTS.state, view);
  }

  deliverParts(meetingId: string, parts: PartDelivery[]): void {
    if (!this.io) return;
    for (const part of parts) {
      if (part.event === 'agenda') {
        const room = part.to === 'meeting' ? agendaRoom(meetingId) : meetingRoom(meetingId, part.to, 2);
        // Nobody there: skip the encoding too. Across processes (issue 17) the room's members may all be
        // on another process, which this one cannot see: always send.
        if (this.spansProcesses || this.roomSize(room) > 0) this.io.to(room).emit(EVENTS.agenda, part.agenda);
      } else {
        const audience: Audience = part.event === 'you' ? { kind: 'participant', participantId: part.participantId } : { kind: 'facilitator' };
        this.io.to(meetingRoom(meetingId, audience, 2)).emit(PART_EVENTS[part.event], part.part);
      }
    }
  }

  agendaAccess(meetingId: string, participantId: string, admitted: boolean): void {
    const person = this.io?.in(meetingRoom(meetingId, { kind: 'participant', participantId }, 2));
    if (admitted) person?.socketsJoin(agendaRoom(meetingId));
    else person?.socketsLeave(agendaRoom(meetingId));
  }

  listening(meetingId: string, audience: Audience, protocol: ProtocolVersion = 1): boolean {
    return this.roomSize(meetingRoom(meetingId, audience, protocol)) > 0;
  }

  private roomSize(room: string): number {
    return this.io?.sockets.adapter.rooms.get(room)?.size ?? 0;
  }

  dismiss(meetingId: string, participantId: string): void {
    const person = (protocol: ProtocolVersion) => meetingRoom(meetingId, { kind: 'participant', participantId }, protocol);
    this.io?.in([person(1), person(2)]).disconnectSockets(true);
  }

  /** How many live connections (screens) hold link `linkId` now, on every process; read-only, 0 when none. */
  devicesOn(linkId: string): number | Promise<number> {
    return this.devicesEverywhere ? this.devicesEverywhere(linkId) : this.devicesHere(linkId);
  }

  /** How many of this process's connections hold link `linkId`. */
  devicesHere(linkId: string): number {
    return this.io?.sockets.adapter.rooms.get(`link:${linkId}`)?.size ?? 0;
  }

  disconnectLink(linkId: string): void {
    this.io?.in(`link:${linkId}`).disconnectSockets(true);
  }

  disconnectSession(sessionHash: string): void {
    const room = `session:${sessionHash}`;
    // A command already on its way must not pass on a remembered yes (issue 14).
    this.sessions?.forget(sessionHash);
    this.io?.to(room).emit(EVENTS.sessionEnded, { reason: 'signed-out' });
    this.io?.in(room).disconnectSockets(true);
  }

  /**
   * Close an account's consoles (issue 16): all of them when it is deactivated (told that the
   * session ended), or those on one case's meetings when it is taken off that case (they reconnect
   * once and are refused MEETING_NOT_FOUND).
   */
  disconnectAccount(accountId: string, caseId?: string): void {
    const room = `account:${accountId}`;
    if (caseId === undefined) {
      this.io?.to(room).emit(EVENTS.sessionEnded, { reason: 'signed-out' });
      this.io?.in(room).disconnectSockets(true);
      return;
    }
    for (const id of this.io?.sockets.adapter.rooms.get(room) ?? []) {
      const socket = this.io!.sockets.sockets.get(id);
      if ((socket?.data.admission as Admission | undefined)?.runtime.caseId === caseId) socket!.disconnect(true);
    }
  }

  /** Whether a facilitator session is alive; a store that cannot answer counts as alive (the command then meets the same store). */
  private sessionStillAlive(sessionHash: string): Promise<boolean> {
    return this.sessions!.alive(sessionHash).catch(() => true);
  }

  /** Keyboard activity: push back the idle deadline, or close the console if the session has ended. Never rejects. */
  private async touchSession(sessionHash: string): Promise<void> {
    try {
      // Input on a locked console does not open it: only the password does (issue 13, item 3).
      if (!(await this.sessions!.touch(sessionHash)) && !(await this.sessions!.locked(sessionHash))) this.endSession(sessionHash);
    } catch (error) {
      // A locked or missing store: the deadline waits for the next activity (issue 12, case 12).
      this.log.warn({ err: (error as { code?: string }).code ?? 'unknown' }, 'session activity not recorded');
    }
  }

  private endSession(sessionHash: string): void {
    this.log.info({}, 'facilitator session ended; its connections closed');
    this.disconnectSession(sessionHash);
  }

  /**
   * Close the connections of facilitator sessions that ended (idle logoff,
   * expiry), telling the console why. Runs every SESSION_CHECK_MS.
   */
  async checkSessions(): Promise<void> {
    if (!this.io || !this.sessions) return;
    // Per session: whether one of its connections shows a meeting that is not closed.
    const hashes = new Map<string, boolean>();
    for (const socket of this.io.of('/').sockets.values()) {
      const admission = socket.data.admission as Admission | undefined;
      const hash = admission?.sessionHash;
      if (hash) hashes.set(hash, (hashes.get(hash) ?? false) || admission.runtime.phase !== 'closed');
    }
    for (const [hash, live] of hashes) {
      if (await this.sessions.alive(hash)) continue;
      // An idle console on a live meeting stays connected, locked (issue 13, item 3).
      if (live && (await this.sessions.locked(hash))) continue;
      this.endSession(hash);
    }
  }

  /**
   * Close every connection's transport so that clients see "transport close"
   * and reconnect by themselves once the server is back.
   */
  shutdown(): void {
    if (this.sessionTimer) clearInterval(this.sessionTimer);
    this.io?.engine.close();
  }
}

function refusal(error: unknown, log: Logger): Error {
  if (error instanceof HandshakeRefusal) {
    return Object.assign(new Error(error.message), { data: { ...error.detail, code: error.code } });
  }
  log.error({ err: error instanceof Error ? error.message : 'unknown' }, 'handshake failed');
  return Object.assign(new Error('The server could not check this connection; please try again.'), { data: { code: 'UNAVAILABLE' } });
}
