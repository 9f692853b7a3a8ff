// A load balancer on loopback for the multi-process tests (issue 17): each
// new TCP connection goes to the next process in turn, and to the one after
// when a process refuses (it was killed), the way a reverse proxy without
// sticky sessions spreads websockets. Connections already made stay where
// they are, and end with their process.
//
// With `spreadSockets`, websockets (a first request for /socket.io/) take
// turns apart from plain HTTP requests: the n-th socket goes to process
// n mod N whatever requests came in between, so that a suite's clients land
// on known, different processes (the protocol suites under
// THRESHOLD_HARNESS=cluster, tests/helpers/cluster.ts).
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface BalancerOptions {
  /** Websockets take turns of their own (see above); default false. */
  spreadSockets?: boolean;
}

export class Balancer {
  private server: Server | null = null;
  private readonly open = new Set<Socket>();
  private next = 0;
  private nextSocket = 0;
  port = 0;

  /** `targets`: the processes' ports, taken in this order. */
  constructor(
    private readonly targets: number[],
    private readonly options: BalancerOptions = {},
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      this.open.add(client);
      client.on('close', () => this.open.delete(client));
      client.on('error', () => client.destroy());
      if (!this.options.spreadSockets) {
        client.pause();
        return this.route(client, 0, null);
      }
      // Which kind of connection it is shows in its first bytes: the request line.
      client.once('data', (first: Buffer) => {
        client.pause();
        const socket = first.subarray(0, 16).toString('latin1').startsWith('GET /socket.io/');
        this.route(client, 0, first, socket);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next connection goes to target `index` (then on in turn). */
  sendNextTo(index: number): void {
    this.next = index;
  }

  private route(client: Socket, tried: number, first: Buffer | null, socket = false): void {
    if (tried >= this.targets.length) return void client.destroy();
    const turn = socket ? this.nextSocket++ : this.next++;
    const port = this.targets[turn % this.targets.length]!;
    const upstream = connect(port, '127.0.0.1');
    upstream.once('error', () => {
      upstream.destroy();
      if (!client.destroyed) this.route(client, tried + 1, first, socket);
    });
    upstream.once('connect', () => {
      this.open.add(upstream);
      upstream.on('close', () => {
        this.open.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      if (first) upstream.write(first);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
