// The Socket.IO transport: it authenticates a connection, puts it in the
// rooms of its meeting and role, passes commands to the meeting runtime and
// delivers the views the runtime publishes. No rule lives here.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { EVENTS } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import type { Audience, Delivery, MeetingTransport } from '../meetings/runtime.js';
import type { Disconnector, Services } from '../services.js';
import { ORIGIN_REFUSED, originAllowed } from '../security/origin.js';
import { MessageBudget } from './budget.js';
import { admit, HandshakeRefusal, type Admission } from './handshake.js';

export const MAX_MESSAGE_BYTES = 64 * 1024;
/** Messages refused in a row before a flooding connection is closed. */
const FLOOD_DISCONNECT_AFTER = 200;

const meetingRoom = (meetingId: string, audience: Audience) =>
  audience.kind === 'participant' ? `m:${meetingId}:p:${audience.participantId}` : `m:${meetingId}:${audience.kind}`;

export class RealtimeHub implements MeetingTransport, Disconnector {
  private io: Server | null = null;
  private messagesPerSecond = 20;

  constructor(private readonly log: Logger) {}

  attach(httpServer: HttpServer, services: Services): Server {
    this.messagesPerSecond = services.config.socketMessagesPerSecond;
    const io = new Server(httpServer, {
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      serveClient: false,
      // A tablet that vanishes shows as away within about 15 s, not the default 45.
      pingInterval: 10_000,
      pingTimeout: 5_000,
      // Checked on every handshake request, websocket upgrades included.
      allowRequest: (req, callback) => {
        const allowed = originAllowed(req.headers, services.config.allowedOrigins);
        callback(allowed ? null : ORIGIN_REFUSED, allowed);
      },
    });
    io.use((socket, next) => {
      admit(services, (socket.handshake.auth ?? {}) as Record<string, unknown>, socket.handshake.headers.cookie)
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
    const { runtime, conn, linkId, facilitatorId, issuedToken } = socket.data.admission as Admission;
    const audience: Audience =
      conn.role === 'participant' ? { kind: 'participant', participantId: conn.participantId! } : { kind: conn.role };
    const rooms = [meetingRoom(runtime.id, audience)];
    if (linkId) rooms.push(`link:${linkId}`);
    if (facilitatorId) rooms.push(`facilitator:${facilitatorId}`);
    socket.join(rooms);
    if (issuedToken) socket.emit(EVENTS.credential, { token: issuedToken, participantId: conn.participantId });
    // Attaching publishes the fresh view to everyone, this socket included.
    runtime.attach(conn);
    this.limitFlood(socket, () => runtime.revision, this.messagesPerSecond);
    socket.on(EVENTS.command, (payload: unknown, ack: unknown) => {
      runtime.handle(payload, conn).then(
        (answer) => typeof ack === 'function' && ack(answer),
        (error: unknown) => {
          this.log.error({ meetingId: runtime.id, err: error instanceof Error ? error.message : 'unknown' }, 'command failed');
          if (typeof ack === 'function') {
            ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'Something went wrong; please try again' }, revision: runtime.revision });
          }
        },
      );
    });
    socket.on('disconnect', () => runtime.detach(conn));
  }

  /**
   * Over budget, a command is answered RATE_LIMITED and anything else is
   * dropped; a connection that keeps flooding is closed.
   */
  private limitFlood(socket: Socket, revision: () => number, perSecond: number) {
    const budget = new MessageBudget(Date.now, perSecond);
    let refused = 0;
    socket.use((packet, next) => {
      if (budget.take()) {
        refused = 0;
        return next();
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

  dismiss(meetingId: string, participantId: string): void {
    this.io?.in(meetingRoom(meetingId, { kind: 'participant', participantId })).disconnectSockets(true);
  }

  disconnectLink(linkId: string): void {
    this.io?.in(`link:${linkId}`).disconnectSockets(true);
  }

  disconnectFacilitator(facilitatorId: string): void {
    this.io?.in(`facilitator:${facilitatorId}`).disconnectSockets(true);
  }

  /**
   * Close every connection's transport so that clients see "transport close"
   * and reconnect by themselves once the server is back.
   */
  shutdown(): void {
    this.io?.engine.close();
  }
}

function refusal(error: unknown, log: Logger): Error {
  if (error instanceof HandshakeRefusal) {
    return Object.assign(new Error(error.message), { data: { code: error.code } });
  }
  log.error({ err: error instanceof Error ? error.message : 'unknown' }, 'handshake failed');
  return Object.assign(new Error('The server could not check this connection; please try again.'), { data: { code: 'UNAVAILABLE' } });
}
