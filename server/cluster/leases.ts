// Which meetings this process owns, when several processes share one
// PostgreSQL database (REDIS_URL, issue 17). A meeting's lease is a
// session-level advisory lock, all of them held by one connection of their
// own: PostgreSQL drops them with that connection, so a killed process's
// meetings are free at once, and a process cut off from the database loses
// them as soon as it notices (a check every CHECK_EVERY_MS). The store's
// revision check (`… WHERE revision = $expected`) stays the fence: an owner
// that has not noticed yet cannot write over a newer owner's commit.
import pg from 'pg';

/** How often the lease connection is checked (ms). */
export const CHECK_EVERY_MS = 1000;
/** A check that takes longer than this counts as a lost connection (ms). */
const CHECK_TIMEOUT_MS = 2500;

const leaseKey = (meetingId: string) => `threshold meeting ${meetingId}`;

export class MeetingLeases {
  private connection: Promise<pg.Client> | null = null;
  private readonly held = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  /**
   * `url`: the DATABASE_URL; `onLost(meetingIds)` hears which meetings this
   * process no longer owns once its lease connection fails (never with a reason
   * that could quote a statement).
   */
  constructor(
    private readonly url: string,
    private readonly onLost: (meetingIds: string[]) => void,
  ) {
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** Whether this process holds meeting `meetingId`'s lease now. */
  holds(meetingId: string): boolean {
    return this.held.has(meetingId);
  }

  /** Try to take the meeting's lease; true once held (or already held), false when another process holds it or the database cannot be reached. */
  async take(meetingId: string): Promise<boolean> {
    if (this.held.has(meetingId)) return true;
    if (this.closed) return false;
    try {
      const client = await this.connect();
      const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held', [leaseKey(meetingId)]);
      if (rows[0]?.held !== true) return false;
      this.held.add(meetingId);
      return true;
    } catch {
      this.lose();
      return false;
    }
  }

  /** Give up meeting `meetingId` (a closed meeting); never rejects. */
  async release(meetingId: string): Promise<void> {
    if (!this.held.delete(meetingId) || !this.connection) return;
    try {
      const client = await this.connection;
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [leaseKey(meetingId)]);
    } catch {
      this.lose();
    }
  }

  /** Ends the lease connection: every lease goes with it. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.held.clear();
    const connection = this.connection;
    this.connection = null;
    if (connection) await connection.then((c) => c.end(), () => undefined).catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    this.connection ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, application_name: 'threshold leases', connectionTimeoutMillis: 5000 });
      // A dropped connection (the database restarted, the network failed) loses every lease.
      client.on('error', () => this.lose());
      client.on('end', () => this.lose(client));
      await client.connect();
      return client;
    })();
    this.connection.catch(() => undefined);
    return this.connection;
  }

  /** The connection answers within CHECK_TIMEOUT_MS, or every lease is counted lost. */
  private async check(): Promise<void> {
    if (!this.connection || this.held.size === 0) return;
    const connection = this.connection;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error('late')), CHECK_TIMEOUT_MS)));
    try {
      await Promise.race([connection.then((c) => c.query('SELECT 1')), late]);
    } catch {
      if (this.connection === connection) this.lose();
    } finally {
      clearTimeout(timer);
    }
  }

  /** The connection is gone (or `ended` is, if given and still current): forget every lease and tell the owner. */
  private lose(ended?: pg.Client): void {
    const connection = this.connection;
    if (!connection) return;
    if (ended) {
      // Only the current connection's end loses the leases; an old one's is past.
      void connection.then((c) => c === ended && this.lose(), () => undefined);
      return;
    }
    this.connection = null;
    void connection.then((c) => c.end().catch(() => undefined), () => undefined);
    const lost = [...this.held];
    this.held.clear();
    if (lost.length > 0 && !this.closed) this.onLost(lost);
  }
}
