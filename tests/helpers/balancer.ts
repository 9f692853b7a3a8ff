// A load balancer on loopback for the multi-process tests (issue 17): each
// new TCP connection goes to the next process in turn, and to the one after
// when a process refuses (it was killed), the way a reverse proxy without
// sticky sessions spreads websockets. Connections already made stay where
// they are, and end with their process.
import { connect, createServer, type Server, type Socket } from 'node:net';

export class Balancer {
  private server: Server | null = null;
  private readonly open = new Set<Socket>();
  private next = 0;
  port = 0;

  /** `targets`: the processes' ports, taken in this order. */
  constructor(private readonly targets: number[]) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      client.pause();
      this.open.add(client);
      client.on('close', () => this.open.delete(client));
      client.on('error', () => client.destroy());
      this.route(client, 0);
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

  private route(client: Socket, tried: number): void {
    if (tried >= this.targets.length) return void client.destroy();
    const port = this.targets[this.next++ % this.targets.length]!;
    const upstream = connect(port, '127.0.0.1');
    upstream.once('error', () => {
      upstream.destroy();
      if (!client.destroyed) this.route(client, tried + 1);
    });
    upstream.once('connect', () => {
      this.open.add(upstream);
      upstream.on('close', () => {
        this.open.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
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
