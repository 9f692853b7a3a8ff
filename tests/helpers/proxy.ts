// A TCP proxy on loopback that can cut a device off the network the way a
// Wi-Fi drop does: nothing is closed, nothing arrives, and what was in flight
// is delivered late if the network comes back before either side gives up
// (TCP retransmits; here the bytes simply wait in paused sockets).
import { connect, createServer, type Server, type Socket } from 'node:net';

export class FlakyLink {
  private server: Server | null = null;
  private readonly links = new Set<{ from: Socket; to: Socket; held: Buffer[] }>();
  private down = false;
  port = 0;

  constructor(private readonly targetPort: number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      this.forward(client, upstream);
      this.forward(upstream, client);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  private forward(from: Socket, to: Socket) {
    const link = { from, to, held: [] as Buffer[] };
    this.links.add(link);
    from.on('data', (chunk: Buffer) => (this.down ? link.held.push(chunk) : to.write(chunk)));
    const end = () => {
      this.links.delete(link);
      to.destroy();
    };
    // A close while the network is down is held back too, like any other packet.
    from.on('close', () => (this.down ? link.held.push(Buffer.alloc(0)) : end()));
    from.on('error', () => from.destroy());
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  cutOff(): void {
    this.down = true;
  }

  restore(): void {
    this.down = false;
    for (const link of this.links) {
      for (const chunk of link.held.splice(0)) {
        if (chunk.length === 0) {
          this.links.delete(link);
          link.to.destroy();
        } else link.to.write(chunk);
      }
    }
  }

  async close(): Promise<void> {
    for (const { from, to } of this.links) {
      from.destroy();
      to.destroy();
    }
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
