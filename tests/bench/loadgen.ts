// A load-generator child: it holds the facilitator and participant sockets of
// its share of the meetings, sends the facilitators' commands on a fixed,
// jittered schedule and times, on its own clock, the ack and the moment the
// last participant of the meeting holds the new revision ("all delivered").
// Every meeting lives in one generator, so both ends of a measurement share a clock.
import * as hdr from 'hdr-histogram-js';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { serve } from './ipc.js';
import { isOurs, type ConnectRequest, type MeetingSpec, type ResyncResult, type RoundCounts, type RoundResult, type Schedule, type Target, type VerifyResult } from './shapes.js';

const COMMAND_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 60_000;
const SETTLE_MS = 5_000;
const CONNECTING_MEETINGS = 16;
const GENERATOR = Number(process.env.BENCH_GENERATOR ?? 0);

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes. */
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface View {
  revision: number;
  phase?: string;
  currentSpeakerId?: string | null;
}

interface Pending {
  revision: number;
  t0: number;
  /** Participants that do not hold `revision` yet. */
  waiting: number;
  deliveredAt: number;
  ackAt: number;
  accepted: boolean;
  measure: boolean;
}

interface Acknowledged {
  body: Record<string, unknown>;
  revision: number;
}

class Peer {
  readonly socket: Socket;
  revision = -1;
  view: View | null = null;
  viewAt = 0;
  connectAt = 0;
  syncedAt = 0;
  readonly firstView: Promise<void>;

  /**
   * `parts`: our server in protocol v2, where the agenda (`meeting:agenda`) carries the revision,
   * phase and speaker this generator follows; the private parts only count as bytes. Otherwise the
   * whole view (`meeting:state`, v1 and the bare relay).
   */
  constructor(url: string, auth: Record<string, unknown>, cookie: string | null, onView: (peer: Peer, previous: number, at: number) => void, parts = false) {
    this.socket = io(url, {
      auth: parts ? { ...auth, protocol: 2 } : auth,
      transports: ['websocket'],
      forceNew: true,
      // As our own client (client/src/lib/connection.svelte.ts) reconnects.
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
      timeout: 20_000,
      extraHeaders: cookie ? { cookie } : undefined,
    });
    this.socket.on('connect', () => (this.connectAt = clock()));
    // What the server wrote to this socket: each message's payload as it came off the wire.
    this.socket.io.on('open', () => this.socket.io.engine.on('data', (data: string | Buffer) => {
      if (measuringBytes) bytesReceived += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    }));
    const viewEvent = parts ? 'meeting:agenda' : 'meeting:state';
    this.firstView = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no first view')), CONNECT_TIMEOUT_MS);
      this.socket.once(viewEvent, () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.once('connect_error', (error: Error) => {
        // socket.io-client retries by itself; only report if it never succeeds.
        if (!this.socket.active) {
          clearTimeout(timer);
          reject(error);
        }
      });
    });
    this.socket.on(viewEvent, (view: View) => {
      const at = clock();
      const previous = this.revision;
      this.revision = view.revision;
      this.view = view;
      this.viewAt = at;
      onView(this, previous, at);
    });
  }
}

class Meeting {
  readonly facilitator: Peer;
  readonly participants: Peer[];
  readonly pending: Pending[] = [];
  readonly acknowledged: Acknowledged[] = [];
  lastAcked = 0;
  cycle = 0;
  /** The bare server's views carry no agenda: the sender keeps track of the speaker itself. */
  localSpeaker: string | null = null;
  timer: NodeJS.Timeout | null = null;

  constructor(
    readonly spec: MeetingSpec,
    readonly target: Target,
    url: string,
    cookie: string,
  ) {
    const onView = (peer: Peer, previous: number, at: number) => this.onView(peer, previous, at);
    const parts = target === 'ours';
    this.facilitator = isOurs(target)
      ? new Peer(url, { meetingId: spec.id }, cookie, onView, parts)
      : new Peer(url, { room: spec.id }, null, onView);
    this.participants = spec.tokens.map((token) =>
      isOurs(target) ? new Peer(url, { token }, null, onView, parts) : new Peer(url, { room: spec.id }, null, onView),
    );
  }

  get peers(): Peer[] {
    return [this.facilitator, ...this.participants];
  }

  private onView(peer: Peer, previous: number, at: number) {
    if (resyncAfter !== null && peer.connectAt > resyncAfter && peer.syncedAt === 0 && peer.revision >= this.lastAcked) {
      peer.syncedAt = at;
    }
    if (peer === this.facilitator) return;
    for (const p of [...this.pending]) {
      if (p.waiting > 0 && previous < p.revision && peer.revision >= p.revision && --p.waiting === 0) {
        p.deliveredAt = at;
        this.settle(p);
      }
    }
  }

  /** The next command of the speaking-phase cycle: call, extend, reorder, next. */
  nextCommand(): Record<string, unknown> {
    const ids = this.spec.participantIds;
    const k = this.cycle++;
    const lap = Math.floor(k / 4);
    const speaker = isOurs(this.target) ? (this.facilitator.view?.currentSpeakerId ?? null) : this.localSpeaker;
    switch (k % 4) {
      case 0: {
        const others = ids.filter((id) => id !== speaker);
        const participantId = others[lap % others.length]!;
        this.localSpeaker = participantId;
        return { type: 'turn.call', participantId };
      }
      case 1:
        return { type: 'turn.extend', seconds: 30 };
      case 2: {
        const r = (lap + 1) % ids.length;
        return { type: 'order.set', participantIds: [...ids.slice(r), ...ids.slice(0, r)] };
      }
      default:
        this.localSpeaker = null;
        return { type: 'turn.next' };
    }
  }

  send(measure: boolean): void {
    const f = this.facilitator;
    if (!f.socket.connected || f.view === null) {
      round.skipped++;
      return;
    }
    const expectedRevision = f.revision;
    const body = { commandId: `g${GENERATOR}-${++commandSeq}-${this.spec.id.slice(0, 8)}`, expectedRevision, ...this.nextCommand() };
    const p: Pending = { revision: expectedRevision + 1, t0: 0, waiting: 0, deliveredAt: 0, ackAt: 0, accepted: false, measure };
    p.waiting = this.participants.filter((x) => x.revision < p.revision).length;
    this.pending.push(p);
    round.counts.sent++;
    if (measure) round.counts.measured++;
    p.t0 = clock();
    f.socket.timeout(COMMAND_TIMEOUT_MS).emit('meeting:command', body, (error: Error | null, ack: { ok: boolean; revision: number; error?: { code: string } }) => {
      p.ackAt = clock();
      if (error) {
        round.counts.unanswered++;
        return this.drop(p);
      }
      if (!ack.ok) {
        const code = ack.error?.code ?? 'UNKNOWN';
        round.counts.refused[code] = (round.counts.refused[code] ?? 0) + 1;
        return this.drop(p);
      }
      round.counts.acked++;
      this.acknowledged.push({ body, revision: ack.revision });
      this.lastAcked = Math.max(this.lastAcked, ack.revision);
      if (ack.revision !== p.revision) {
        round.counts.unexpectedRevision++;
        return this.drop(p);
      }
      p.accepted = true;
      if (measure) record(round.ack, p.ackAt - p.t0);
      this.settle(p);
    });
  }

  private settle(p: Pending) {
    if (!p.accepted || p.waiting > 0) return;
    if (p.measure) record(round.allDelivered, p.deliveredAt - p.t0);
    this.drop(p);
  }

  private drop(p: Pending) {
    const i = this.pending.indexOf(p);
    if (i >= 0) this.pending.splice(i, 1);
  }

  /** Send one command and wait for its ack and for the facilitator to hold the result. */
  async command(payload: Record<string, unknown>): Promise<{ ok: boolean; revision: number; error?: { code: string } }> {
    const body = { commandId: `g${GENERATOR}-${++commandSeq}-${this.spec.id.slice(0, 8)}`, expectedRevision: this.facilitator.revision, ...payload };
    const ack = await this.facilitator.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck('meeting:command', body);
    if (ack.ok) {
      this.acknowledged.push({ body, revision: ack.revision });
      this.lastAcked = Math.max(this.lastAcked, ack.revision);
      const deadline = Date.now() + COMMAND_TIMEOUT_MS;
      while (this.facilitator.revision < ack.revision && Date.now() < deadline) await sleep(5);
    }
    return ack;
  }

  close() {
    if (this.timer) clearTimeout(this.timer);
    for (const peer of this.peers) peer.socket.disconnect();
  }
}

// --- state of this generator --------------------------------------------------

let meetings: Meeting[] = [];
let commandSeq = 0;
let resyncAfter: number | null = null;
let sending = false;
/** Counting the bytes every socket receives: on during a round's measured window only. */
let measuringBytes = false;
let bytesReceived = 0;

const histogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
const emptyCounts = (): RoundCounts => ({ sent: 0, measured: 0, acked: 0, refused: {}, unanswered: 0, undelivered: 0, unexpectedRevision: 0 });
let round = { ack: histogram(), allDelivered: histogram(), counts: emptyCounts(), skipped: 0 };

/** Latencies are kept in microseconds. */
function record(h: hdr.Histogram, ms: number) {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/** Start every meeting's schedule; resolves when the last scheduled command has been sent. */
function runSchedule(s: Schedule): Promise<void> {
  sending = true;
  const start = performance.now();
  const end = start + s.warmupMs + s.measureMs;
  const measureFrom = start + s.warmupMs;
  let running = meetings.length;
  return new Promise((resolve) => {
    if (running === 0) return resolve();
    meetings.forEach((m, i) => {
      const random = mulberry32(s.seed * 1_000_003 + GENERATOR * 7919 + i);
      let at = start + random() * s.intervalMs;
      const finish = () => {
        m.timer = null;
        if (--running === 0) resolve();
      };
      const tick = () => {
        if (!sending || at >= end) return finish();
        m.send(at >= measureFrom);
        at += s.intervalMs * (1 + (random() * 2 - 1) * s.jitter);
        m.timer = setTimeout(tick, Math.max(0, at - performance.now()));
      };
      m.timer = setTimeout(tick, Math.max(0, at - performance.now()));
    });
  });
}

function stopSending() {
  sending = false;
  for (const m of meetings) {
    if (m.timer) clearTimeout(m.timer);
    m.timer = null;
  }
}

async function settle(): Promise<void> {
  const deadline = performance.now() + COMMAND_TIMEOUT_MS + SETTLE_MS;
  while (performance.now() < deadline && meetings.some((m) => m.pending.length > 0)) await sleep(20);
}

serve({
  async connect(message) {
    const req = message as unknown as ConnectRequest;
    const started = performance.now();
    for (const m of meetings) m.close();
    meetings = [];
    await pool(req.meetings, CONNECTING_MEETINGS, async (spec) => {
      const m = new Meeting(spec, req.target, req.url, req.cookie);
      meetings.push(m);
      await Promise.all(m.peers.map((p) => p.firstView));
    });
    return { sockets: meetings.length * (1 + (meetings[0]?.participants.length ?? 0)), ms: performance.now() - started };
  },

  /** Bring our meetings to the speaking phase, where the cycle of turn commands applies. */
  async prepare() {
    const refused: string[] = [];
    await pool(meetings, CONNECTING_MEETINGS, async (m) => {
      if (!isOurs(m.target)) return;
      for (let step = 0; step < 3 && m.facilitator.view?.phase !== 'speaking'; step++) {
        const type = m.facilitator.view?.phase === 'gathering' ? 'meeting.start' : 'turns.begin';
        const ack = await m.command({ type });
        if (!ack.ok) refused.push(`${type}: ${ack.error?.code}`);
      }
    });
    return { refused };
  },

  async round(message) {
    const s = message.schedule as Schedule;
    round = { ack: histogram(), allDelivered: histogram(), counts: emptyCounts(), skipped: 0 };
    const delay = monitorEventLoopDelay({ resolution: 5 });
    let cpu = process.cpuUsage();
    let measureStart = performance.now();
    bytesReceived = 0;
    const startMeasuring = setTimeout(() => {
      delay.enable();
      cpu = process.cpuUsage();
      measureStart = performance.now();
      measuringBytes = true;
    }, s.warmupMs);
    await runSchedule(s);
    clearTimeout(startMeasuring);
    measuringBytes = false;
    delay.disable();
    const cpuUsed = process.cpuUsage(cpu);
    const cpuPercent = ((cpuUsed.user + cpuUsed.system) / 1000 / Math.max(1, performance.now() - measureStart)) * 100;
    await settle();
    for (const m of meetings) {
      for (const p of m.pending) if (p.accepted) round.counts.undelivered++;
      m.pending.length = 0;
    }
    const result: RoundResult & { skipped: number } = {
      ack: hdr.encodeIntoCompressedBase64(round.ack),
      allDelivered: hdr.encodeIntoCompressedBase64(round.allDelivered),
      counts: round.counts,
      loadgenEventLoopP99Ms: delay.count > 0 ? delay.percentile(99) / 1e6 : 0,
      loadgenEventLoopMaxMs: delay.count > 0 ? delay.max / 1e6 : 0,
      loadgenCpuPercent: cpuPercent,
      bytesReceived,
      skipped: round.skipped,
    };
    return result;
  },

  /** Start sending on the schedule and return at once (the recovery test kills the server mid-burst). */
  burst(message) {
    round = { ack: histogram(), allDelivered: histogram(), counts: emptyCounts(), skipped: 0 };
    void runSchedule(message.schedule as Schedule);
    return null;
  },

  'stop-sending'() {
    stopSending();
    return { counts: round.counts, acknowledged: meetings.reduce((n, m) => n + m.acknowledged.length, 0) };
  },

  /** Wait until every socket has reconnected after `killedAt` and holds the last acknowledged revision of its meeting. */
  async resync(message) {
    const killedAt = message.killedAt as number;
    const deadline = performance.now() + (message.timeoutMs as number);
    resyncAfter = killedAt;
    const peers = meetings.flatMap((m) => m.peers.map((peer) => ({ peer, m })));
    for (const { peer, m } of peers) {
      // A view that arrived before this request can count only if it came from a connection made after the kill.
      peer.syncedAt = peer.connectAt > killedAt && peer.viewAt >= peer.connectAt && peer.revision >= m.lastAcked ? peer.viewAt : 0;
    }
    while (performance.now() < deadline && peers.some(({ peer }) => peer.syncedAt === 0)) await sleep(20);
    resyncAfter = null;
    const synced = peers.filter(({ peer }) => peer.syncedAt > 0);
    const result: ResyncResult = {
      sockets: peers.length,
      resynced: synced.length,
      lastResyncAt: Math.max(0, ...synced.map(({ peer }) => peer.syncedAt)),
      lastConnectAt: Math.max(0, ...peers.map(({ peer }) => peer.connectAt)),
    };
    return result;
  },

  /** Resend every acknowledged command: each must come back accepted with the same revision. */
  async verify() {
    const result: VerifyResult = { acknowledged: 0, lost: 0, examples: [] };
    await pool(meetings, 32, async (m) => {
      for (const { body, revision } of m.acknowledged) {
        result.acknowledged++;
        let ack: { ok: boolean; revision: number; error?: { code: string } } | null = null;
        try {
          ack = await m.facilitator.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck('meeting:command', body);
        } catch {
          ack = null;
        }
        if (!ack || !ack.ok || ack.revision !== revision) {
          result.lost++;
          if (result.examples.length < 5) result.examples.push(`${body.type} acked at ${revision}, resent: ${JSON.stringify(ack)}`);
        }
      }
      if (m.facilitator.revision < m.lastAcked) {
        result.lost++;
        if (result.examples.length < 5) result.examples.push(`meeting at revision ${m.facilitator.revision} after ${m.lastAcked} was acked`);
      }
    });
    return result;
  },

  /** Commands per second one meeting sustains: `window` commands in flight (1: one at a time). */
  async throughput(message) {
    const durationMs = message.durationMs as number;
    const window = message.window as number;
    const m = meetings[0];
    if (!m) throw new Error('no meeting connected');
    // A running turn, so that turn.extend is always possible.
    const first = await m.command({ type: 'turn.call', participantId: m.spec.participantIds[0] === m.facilitator.view?.currentSpeakerId ? m.spec.participantIds[1] : m.spec.participantIds[0] });
    if (!first.ok) throw new Error(`throughput: turn.call refused: ${first.error?.code}`);
    let expected = first.revision;
    let ok = 0;
    let refused = 0;
    const codes: Record<string, number> = {};
    let inflight = 0;
    const start = performance.now();
    const end = start + durationMs;
    await new Promise<void>((resolve) => {
      const pump = () => {
        while (inflight < window && performance.now() < end) {
          inflight++;
          const body = { commandId: `g${GENERATOR}-t${++commandSeq}`, expectedRevision: expected++, type: 'turn.extend', seconds: 1 };
          m.facilitator.socket.timeout(COMMAND_TIMEOUT_MS).emit('meeting:command', body, (error: Error | null, ack: { ok: boolean }) => {
            inflight--;
            if (!error && ack.ok) ok++;
            else {
              refused++;
              const code = error ? 'NO_ACK' : ((ack as { error?: { code: string } }).error?.code ?? 'UNKNOWN');
              codes[code] = (codes[code] ?? 0) + 1;
            }
            if (inflight === 0 && performance.now() >= end) resolve();
            else pump();
          });
        }
      };
      pump();
    });
    const seconds = (performance.now() - start) / 1000;
    return { ok, refused, codes, seconds, perSecond: ok / seconds };
  },

  async disconnect() {
    stopSending();
    for (const m of meetings) m.close();
    meetings = [];
    await sleep(200);
    return null;
  },
});
