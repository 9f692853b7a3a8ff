// Shared pieces of the protocol tests: one harness per test file that owns a
// real server and every client it opens, a second facilitator account, a valid
// payload for every command type, and the view fields every client relies on.
import { expect } from 'vitest';
import type { FacilitatorView, MeetingView, ParticipantView } from '../../shared/meeting/view.js';
import type { Ack, CommandType } from '../../shared/protocol.js';
import { hashPassword, newId } from '../../server/security/secrets.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { Api, Client, createFixture, startServer, type Fixture, type Running } from '../helpers/server.js';

export const PASSWORD = 'correct horse battery';

export class Harness {
  server!: Running;
  private readonly clients: Client[] = [];

  /** Starts the server; with THRESHOLD_HARNESS=cluster, two processes on PostgreSQL and Redis behind a balancer (issue 17, tests/scale). */
  async start(env: Record<string, string> = {}, dataDir?: string): Promise<Running> {
    this.server = process.env.THRESHOLD_HARNESS === 'cluster'
      ? await (await import('../helpers/cluster.js')).startClusterServer(env)
      : await startServer(env, dataDir);
    return this.server;
  }

  fixture(options: Parameters<typeof createFixture>[1] = {}): Promise<Fixture> {
    return createFixture(this.server.url, options);
  }

  /** Connect and wait for the first view. */
  async open(auth: Record<string, unknown>, cookie?: string): Promise<Client> {
    const client = this.connect(auth, cookie);
    await client.waitFor(() => true);
    return client;
  }

  /** Connect without waiting; for refused handshakes. */
  connect(auth: Record<string, unknown>, cookie?: string): Client {
    const client = Client.connect(this.server.url, auth, cookie);
    this.clients.push(client);
    return client;
  }

  /** A handshake that must be refused: the `connect_error` it produced. */
  async refused(auth: Record<string, unknown>, cookie?: string) {
    const client = this.connect(auth, cookie);
    let state = false;
    client.socket.on('meeting:state', () => (state = true));
    const error = await client.connectError();
    expect(client.socket.connected).toBe(false);
    expect(state).toBe(false);
    return error;
  }

  /** Close every client opened so far, so that none reconnects to a server started later. */
  closeClients(): void {
    for (const c of this.clients.splice(0)) c.close();
  }

  async close(): Promise<void> {
    this.closeClients();
    await this.server?.close();
  }
}

/** Resolves with the reason of the socket's next disconnect. Register it before causing one. */
export function nextDisconnect(client: Client, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not disconnected')), timeoutMs);
    client.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/**
 * A second facilitator account. Set-up only ever creates the first one, so the
 * row goes straight into the store; then they sign in like anyone else.
 */
export async function secondFacilitator(server: Running, email = 'eli@example.org'): Promise<Api> {
  const store = server.threshold.services.store as SqliteStore;
  store.db
    .prepare('INSERT INTO facilitators (id, name, email, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(newId(), 'Eli', email, await hashPassword(PASSWORD), Date.now());
  const api = new Api(server.url);
  const login = await api.post('/api/login', { email, password: PASSWORD });
  expect(login.status).toBe(200);
  return api;
}

/** A schema-valid payload for every command type, about the fixture's people. */
export function payloads(ids: Fixture['ids']): Record<CommandType, Record<string, unknown>> {
  return {
    'meeting.start': {},
    'turns.begin': {},
    'turn.next': {},
    'turn.skip': {},
    'turn.call': { participantId: ids.bob },
    'order.set': { participantIds: [ids.ann, ids.bob, ids.cy] },
    'turn.extend': { seconds: 60 },
    'turn.done': {},
    'pause.start': { reason: 'outburst' },
    'pause.end': {},
    'offer.present': {},
    'offer.respond': { response: 'declined', note: 'not today' },
    // The fixture's meeting plans no objection: the machine refuses these.
    'objection.raise': { objectionId: 'o-unplanned' },
    'objection.resolve': { objectionId: 'o-unplanned' },
    'bottomLines.begin': {},
    'meeting.end': { outcome: 'accepted' },
    'meeting.close': {},
    'emergency.stop': {},
    'lobby.admit': { participantId: ids.cy },
    'lobby.deny': { participantId: ids.cy },
    'lobby.return': { participantId: ids.cy },
    'lobby.lock': {},
    'meeting.callDetails': { videoLink: 'https://meet.example.org/sam', dialIn: '+44 20 7946 0000', pin: '1234', showInLobby: false },
    'lobby.unlock': {},
    'signals.clear': {},
    'participant.ready': {},
    'signal.send': { kind: 'want-to-speak' },
    // Not the kind signal.send leaves open: taking back a signal nobody sent reaches the machine and is refused there.
    'signal.withdraw': { kind: 'need-a-moment' },
  };
}

let sent = 0;
/** Send a command with an explicit revision (null: leave it out) and a fresh commandId. */
export function command(client: Client, type: string, payload: Record<string, unknown>, expectedRevision: number | null): Promise<Ack> {
  return client.send({ type, ...payload } as never, expectedRevision, `t-${process.pid}-${++sent}`);
}

export function codeOf(ack: Ack): string {
  return ack.ok ? 'OK' : ack.error.code;
}

/** The fields protocol v1 promises in every view, with their types. */
export function expectViewContract(view: MeetingView): void {
  expect(typeof view.meetingId).toBe('string');
  expect(Number.isInteger(view.revision) && view.revision >= 0).toBe(true);
  expect(typeof view.phase).toBe('string');
  expect(Array.isArray(view.speakingOrder)).toBe(true);
  for (const s of view.speakingOrder) {
    // `guest` since issue 12, case 3: a guest is marked as one wherever their name shows.
    expect(Object.keys(s).sort()).toEqual(['guest', 'name', 'participantId', 'status']);
    expect(typeof s.guest).toBe('boolean');
    expect(['waiting', 'speaking', 'done', 'skipped']).toContain(s.status);
  }
  expect(view).toHaveProperty('currentSpeakerId');
  expect(view.currentSpeakerId === null || typeof view.currentSpeakerId === 'string').toBe(true);
  expect(view).toHaveProperty('turnEndsAt');
  expect(view.turnEndsAt === null || Number.isInteger(view.turnEndsAt)).toBe(true);
  expect(view).toHaveProperty('outcome');
  expect(view.outcome === null || typeof view.outcome === 'string').toBe(true);
  if (view.role === 'participant') {
    const you = (view as ParticipantView).you;
    expect(typeof you.participantId).toBe('string');
    expect(typeof you.name).toBe('string');
    expect(typeof you.admitted).toBe('boolean');
  }
  if (view.role === 'facilitator') {
    const f = view as FacilitatorView;
    expect(Array.isArray(f.lobby)).toBe(true);
    expect(Array.isArray(f.signals)).toBe(true);
    expect(Array.isArray(f.members)).toBe(true);
    for (const m of f.members) expect(['connected', 'away', 'left', 'not-back', 'never-joined']).toContain(m.presence);
  }
}

export type { Client, Fixture, Running };
