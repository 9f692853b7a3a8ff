// A real Threshold server listening on 127.0.0.1:0 with a fresh SQLite file,
// and small HTTP and Socket.IO clients that speak protocol v1 to it.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { buildServer, type Threshold } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { FacilitatorPart, MeetingView, PublicAgenda, YouPart } from '../../shared/meeting/view.js';
import { LatestParts } from '../../client/src/lib/parts.js';
import type { Ack, Command } from '../../shared/protocol.js';

export interface Running {
  url: string;
  threshold: Threshold;
  dataDir: string;
  close(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}, dataDir?: string, clock?: () => number): Promise<Running> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'threshold-test-'));
  const config = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://threshold.test', ...env });
  const threshold = await buildServer({ config, clock });
  await threshold.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = threshold.app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    threshold,
    dataDir: dir,
    async close() {
      await threshold.app.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export class Api {
  cookie = '';
  constructor(readonly url: string) {}

  async request(method: string, path: string, body?: unknown, raw?: string) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.url + path, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    // A calendar feed or a page is not JSON: its text as it came.
    const json = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : null, setCookie };
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }
  get(path: string) {
    return this.request('GET', path);
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }
}

export interface Fixture {
  api: Api;
  caseId: string;
  ids: { ann: string; bob: string; cy: string };
  meetingId: string;
  links: {
    participants: Array<{ id: string; participantId: string; token: string; url: string }>;
    remote: { id: string; token: string; url: string };
    display: { id: string; token: string; url: string };
  };
  tokenOf(participantId: string): string;
}

export const PRIVATE = {
  annLetter: 'Ann-letter: I remember the lake house summer',
  annBottomLine: 'Ann-bottom-line: I will stop paying the rent',
  bobLetter: 'Bob-letter: you taught me to ride a bike',
  bobBottomLine: 'Bob-bottom-line: no more car loans',
  cyLetter: 'Cy-letter: from far away, with love',
};

/** Facilitator set up and signed in; a johnson case with Ann and Bob in the room and Cy remote. */
export async function createFixture(
  url: string,
  options: {
    approach?: string;
    email?: string;
    api?: Api;
    names?: Partial<Record<'lovedOne' | 'ann' | 'bob' | 'cy', string>>;
    /** Runs after the people are added and before the meeting is made: to fill in the case file's plan. */
    beforeMeeting?: (api: Api, caseId: string, ids: Fixture['ids']) => Promise<void>;
  } = {},
): Promise<Fixture> {
  const names = { lovedOne: 'Sam', ann: 'Ann', bob: 'Bob', cy: 'Cy', ...options.names };
  // Reusing a signed-in Api spares a login per fixture (logins are rate-limited).
  const api = options.api ?? new Api(url);
  const email = options.email ?? 'dana@example.org';
  if (!options.api) {
    const setup = await api.post('/api/setup', { name: 'Dana', email, password: 'correct horse battery' });
    if (setup.status === 409) await api.post('/api/login', { email, password: 'correct horse battery' });
  }
  const kase = await api.post('/api/cases', { lovedOneName: names.lovedOne, approach: options.approach ?? 'johnson' });
  const add = async (name: string, attendance: string, letter: string, bottomLine?: string) =>
    (await api.post(`/api/cases/${kase.body.id}/participants`, { name, relationship: 'family', attendance, letter, bottomLine })).body.id as string;
  const ann = await add(names.ann, 'in-room', PRIVATE.annLetter, PRIVATE.annBottomLine);
  const bob = await add(names.bob, 'in-room', PRIVATE.bobLetter, PRIVATE.bobBottomLine);
  const cy = await add(names.cy, 'remote', PRIVATE.cyLetter);
  await options.beforeMeeting?.(api, kase.body.id, { ann, bob, cy });
  const meeting = await api.post(`/api/cases/${kase.body.id}/meetings`, { speakingOrder: [ann, bob, cy] });
  if (meeting.status !== 201) throw new Error(`meeting not created: ${JSON.stringify(meeting.body)}`);
  const links = meeting.body.links as Fixture['links'];
  return {
    api,
    caseId: kase.body.id,
    ids: { ann, bob, cy },
    meetingId: meeting.body.id,
    links,
    tokenOf: (participantId) => links.participants.find((l) => l.participantId === participantId)!.token,
  };
}

type Payload = Omit<Command, 'commandId' | 'expectedRevision'> | Record<string, unknown>;
let commandCounter = 0;

/** A Socket.IO client that keeps every view it receives. */
export class Client {
  /** The views this client showed: v1's as received, v2's composed from the parts as our clients do. */
  readonly views: MeetingView[] = [];
  /** v2 (`auth.protocol: 2`): every part as received, in order (issue 14). */
  readonly messages: Array<{ event: string; body: Record<string, unknown> }> = [];
  readonly credentials: Array<{ token: string; participantId: string }> = [];
  private waiters: Array<() => void> = [];
  private parts = new LatestParts();

  private constructor(readonly socket: Socket) {
    const show = (view: MeetingView | null) => {
      if (view) this.views.push(view);
      for (const wake of this.waiters.splice(0)) wake();
    };
    socket.on('meeting:state', (view: MeetingView) => show(view));
    socket.on('connect', () => (this.parts = new LatestParts()));
    const record = (event: string, body: Record<string, unknown>) => this.messages.push({ event, body });
    socket.on('meeting:agenda', (agenda: PublicAgenda) => {
      record('meeting:agenda', agenda as never);
      show(this.parts.agendaArrived(agenda));
    });
    socket.on('meeting:you', (part: YouPart) => {
      record('meeting:you', part as never);
      show(this.parts.youArrived(part));
    });
    socket.on('meeting:facilitator', (part: FacilitatorPart) => {
      record('meeting:facilitator', part as never);
      show(this.parts.facilitatorArrived(part));
    });
    socket.on('meeting:credential', (c) => this.credentials.push(c));
  }

  static connect(url: string, auth: Record<string, unknown>, cookie?: string): Client {
    const socket = ioClient(url, {
      auth,
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      extraHeaders: cookie ? { cookie } : undefined,
    });
    return new Client(socket);
  }

  /** Connect and wait for the first view. */
  static async open(url: string, auth: Record<string, unknown>, cookie?: string): Promise<Client> {
    const client = Client.connect(url, auth, cookie);
    await client.waitFor(() => true);
    return client;
  }

  get view(): MeetingView {
    const latest = this.views.at(-1);
    if (!latest) throw new Error('no view yet');
    return latest;
  }

  async waitFor(predicate: (view: MeetingView) => boolean, timeoutMs = 5000): Promise<MeetingView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = this.views.at(-1);
      if (latest && predicate(latest)) return latest;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a view; latest: ${JSON.stringify(latest)?.slice(0, 300)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The error a refused handshake produces. */
  connectError(timeoutMs = 5000): Promise<Error & { data?: { code: string } }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no connect_error')), timeoutMs);
      this.socket.once('connect_error', (err) => {
        clearTimeout(timer);
        resolve(err as Error & { data?: { code: string } });
      });
    });
  }

  send(payload: Payload, expectedRevision: number | null = this.view.revision, commandId = `cmd-${++commandCounter}-${Date.now()}`): Promise<Ack> {
    const body: Record<string, unknown> = { commandId, ...payload };
    if (expectedRevision !== null) body.expectedRevision = expectedRevision;
    return this.socket.timeout(5000).emitWithAck('meeting:command', body);
  }

  raw(body: unknown): Promise<Ack> {
    return this.socket.timeout(5000).emitWithAck('meeting:command', body);
  }

  close() {
    this.socket.disconnect();
  }
}
