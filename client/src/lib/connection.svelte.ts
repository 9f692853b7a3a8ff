// One live connection to a meeting. It holds the latest view, composed from the
// latest agenda and private part the server sent (protocol v2, see parts.ts),
// the connection's health, and sends
// commands with the revision they were decided on. The server is the only
// authority: a refused command shows a short message and the view the server
// pushes with it; nothing here predicts the next state.
import { io, type Socket } from 'socket.io-client';
import type { FacilitatorPart, MeetingView, PublicAgenda, YouPart } from '../../../shared/meeting/view.js';
import type { Ack, CommandType } from '../../../shared/protocol.js';
import { EVENTS, PROTOCOL_VERSION, isLanguage, type HandshakeError, type Language } from '../../../shared/vocabulary.js';
import { clockOffset } from './clock.js';
import { isFresh, noticeFor } from './freshness.js';
import { newCommandId } from './ids.js';
import { LatestParts } from './parts.js';

export { EVENTS };

/**
 * connecting: first contact; live: views flowing; reconnecting: lost, trying
 * again; refused: the server turned the credentials away (see `refusal`);
 * dismissed: the server let us go for good (turned away from the lobby).
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'refused' | 'dismissed';

export interface Refusal {
  /** A handshake's refusal, or OPENED_ELSEWHERE: the link was opened on more screens than it holds, and this one stepped aside. */
  code: HandshakeError | 'OPENED_ELSEWHERE';
  message: string;
  /** The link's language as the interventionist set it (docs/protocol.md), for a device with no choice of its own. */
  language?: Language;
  /** The meeting closed after an emergency stop, and this person was in it: the screen keeps the crisis guidance. */
  ended?: 'safety-stop';
}

/** What a refused handshake's `connect_error` carries in `data` (docs/protocol.md). */
type RefusalData = { code?: string; language?: unknown; ended?: unknown };

export interface ConnectionOptions {
  /** Called before every (re)connection, so a guest's own token replaces the shared one. */
  auth: () => Record<string, unknown>;
  onCredential?: (credential: { token: string; participantId: string }) => void;
  /** The facilitator's session ended (idle logoff, expiry, sign-out elsewhere). */
  onSessionEnded?: () => void;
  url?: string;
}

const ACK_TIMEOUT_MS = 8000;

/** A colleague with the meeting open, and on how many screens (issue 16). */
export interface ConsoleSeat {
  accountId: string;
  name: string;
  screens: number;
}

export class MeetingConnection<V extends MeetingView = MeetingView> {
  view = $state.raw<V | null>(null);
  status = $state<ConnectionStatus>('connecting');
  refusal = $state.raw<Refusal | null>(null);
  /** A short message after a refused command; cleared by the next accepted one. */
  notice = $state<string | null>(null);
  /** Command types waiting for their ack, so buttons cannot be pressed twice. */
  pending = $state.raw<ReadonlySet<CommandType>>(new Set());
  /** How many screens hold this page's link, this one included (issue 13, item 8); 0 before the server says. */
  devices = $state(0);
  /** The console's: link id → screens holding it, pushed as they change (issue 13, item 8). */
  linkDevices = $state.raw<ReadonlyMap<string, number>>(new Map());
  /** The console's: which colleagues have this meeting open (issue 16), pushed as consoles come and go. */
  consoles = $state.raw<readonly ConsoleSeat[]>([]);
  /** Server clock minus ours, from the latest view. */
  offsetMs = $state(0);

  private readonly socket: Socket;
  private readonly cleanup: Array<() => void> = [];
  private parts = new LatestParts();

  constructor(private readonly options: ConnectionOptions) {
    this.socket = io(options.url ?? '/', {
      // The protocol version lets a newer server refuse an old page clearly (PROTOCOL_UNSUPPORTED) instead of misreading it.
      auth: (cb) => cb({ ...options.auth(), protocol: PROTOCOL_VERSION }),
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
    });
    // Protocol v2: each part as it comes; a part that waits for its agenda shows nothing yet.
    this.socket.on(EVENTS.agenda, (agenda: PublicAgenda) => this.receive(this.parts.agendaArrived(agenda) as V | null));
    this.socket.on(EVENTS.you, (part: YouPart) => this.receive(this.parts.youArrived(part) as V | null));
    this.socket.on(EVENTS.facilitator, (part: FacilitatorPart) => this.receive(this.parts.facilitatorArrived(part) as V | null));
    this.socket.on(EVENTS.linkDevices, (d: { devices?: unknown; linkId?: unknown }) => {
      if (typeof d?.devices !== 'number') return;
      if (typeof d.linkId === 'string') this.linkDevices = new Map(this.linkDevices).set(d.linkId, d.devices);
      else this.devices = d.devices;
    });
    this.socket.on(EVENTS.consoles, (c: { consoles?: unknown }) => {
      if (Array.isArray(c?.consoles)) this.consoles = c.consoles as ConsoleSeat[];
    });
    this.socket.on(EVENTS.credential, (c: { token: string; participantId: string }) => options.onCredential?.(c));
    this.socket.on(EVENTS.sessionEnded, () => {
      this.refusal = { code: 'SESSION_INVALID', message: 'You were signed out. Please sign in again.' };
      this.status = 'refused';
      options.onSessionEnded?.();
    });
    // Not answered by reconnecting: two screens on one link would take turns pushing each other out.
    // The screen offers to take the meeting back (retry), which is a person's choice.
    this.socket.on(EVENTS.connectionReplaced, () => {
      this.refusal = { code: 'OPENED_ELSEWHERE', message: 'This link was opened on another screen, so this one stepped aside.' };
      this.status = 'refused';
    });
    this.socket.on('connect', () => {
      this.refusal = null;
      // The server answers every (re)connection with the full set of parts.
      this.parts = new LatestParts();
    });
    this.socket.on('connect_error', (error: Error & { data?: RefusalData }) => this.refused(error));
    this.socket.on('disconnect', (reason) => this.lost(reason));
    this.watchNetwork();
  }

  get connected(): boolean {
    return this.status === 'live';
  }

  can(type: CommandType): boolean {
    const allowed = this.view && 'allowed' in this.view ? this.view.allowed : [];
    return this.status === 'live' && allowed.includes(type) && !this.pending.has(type);
  }

  /**
   * Send a command decided on the view now shown; resolves with the server's answer.
   * This screen's own commands go one after another: a second click while the
   * first is on its way ("Let Cy in", then "Start") is decided on the view the
   * first one produced (the server sends it before the ack), not refused as stale.
   */
  send(type: CommandType, payload: Record<string, unknown> = {}): Promise<Ack | null> {
    this.pending = new Set([...this.pending, type]);
    const answer = this.queue.then(() => this.sendNow(type, payload));
    this.queue = answer.catch(() => null);
    return answer;
  }

  private queue: Promise<unknown> = Promise.resolve();

  private async sendNow(type: CommandType, payload: Record<string, unknown>): Promise<Ack | null> {
    const revision = this.view?.revision;
    const body = { commandId: newCommandId(), expectedRevision: revision, type, ...payload };
    try {
      const ack: Ack = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(EVENTS.command, body);
      this.notice = noticeFor(ack);
      if (!ack.ok) this.catchUpTo(ack.revision);
      return ack;
    } catch {
      this.notice = noticeFor(null);
      return null;
    } finally {
      const left = new Set(this.pending);
      left.delete(type);
      this.pending = left;
    }
  }

  /** Ask again after a refusal that may pass (a locked lobby opens again). */
  retry(): void {
    this.refusal = null;
    this.status = 'connecting';
    this.socket.connect();
  }

  /** Someone is at the console's keyboard: keeps the facilitator's session from idling out. */
  reportActivity(): void {
    if (this.socket.connected) this.socket.emit(EVENTS.activity);
  }

  dismissNotice(): void {
    this.notice = null;
  }

  close(): void {
    for (const undo of this.cleanup.splice(0)) undo();
    this.socket.disconnect();
  }

  /**
   * The server's answer names its revision. The views it broadcast should
   * already be here; if one was lost on the way, reconnect, which always
   * brings the full view.
   */
  private catchUpTo(revision: number) {
    setTimeout(() => {
      // A lobby view's revision is always 0: behind it is no lost view, just nothing to see yet.
      if (this.view?.role === 'participant' && this.view.lobby !== null) return;
      const shown = this.view?.revision ?? -1;
      if (shown < revision && this.socket.connected) {
        this.socket.disconnect();
        this.socket.connect();
      }
    }, 1500);
  }

  private receive(view: V | null) {
    if (!view || !isFresh(this.view, view)) return;
    this.offsetMs = clockOffset(view.serverTime, Date.now());
    this.view = view;
    this.status = view.role === 'participant' && view.lobby === 'denied' ? 'dismissed' : 'live';
  }

  private refused(error: Error & { data?: RefusalData }) {
    const code = error.data?.code;
    if (!code) {
      // The network, not the server, said no: socket.io keeps trying by itself.
      if (this.status !== 'connecting') this.status = 'reconnecting';
      return;
    }
    if (code === 'UNAVAILABLE') {
      this.status = 'reconnecting';
      setTimeout(() => this.socket.connect(), 2000);
      return;
    }
    const { language, ended } = error.data!;
    this.refusal = { code: code as HandshakeError, message: error.message, language: isLanguage(language) ? language : undefined, ended: ended as Refusal['ended'] };
    this.status = 'refused';
  }

  private lost(reason: Socket.DisconnectReason) {
    if (this.status === 'dismissed' || this.status === 'refused') return;
    this.status = 'reconnecting';
    // The server let this socket go on purpose (a revoked link, a sign-out):
    // ask once more, and the handshake says why if we are no longer welcome.
    if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 300);
  }

  /**
   * Do not wait for a heartbeat to notice that the Wi-Fi went away: close the
   * transport, and socket.io keeps retrying until the network is back.
   */
  private watchNetwork() {
    const offline = () => {
      if (this.status === 'live') this.socket.io.engine?.close();
    };
    addEventListener('offline', offline);
    this.cleanup.push(() => removeEventListener('offline', offline));
  }
}
