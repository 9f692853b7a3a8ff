// Several Threshold processes sharing one PostgreSQL database and one Redis
// (issue 17): the built dist/server/main.js started N times with DATABASE_URL
// and REDIS_URL, each on its own port and data directory, all with one key.
// Build first (`npx tsc -p tsconfig.build.json`).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestPostgres } from './postgres.js';
import { freePort, ServerProcess } from './process.js';
import type { Running } from './server.js';
import { TestRedis } from './redis.js';

export class TestCluster {
  private constructor(
    readonly database: TestPostgres,
    readonly redis: TestRedis,
    readonly databaseUrl: string,
    readonly servers: ServerProcess[],
    private readonly dirs: string[],
    private readonly env: Record<string, string>,
  ) {}

  /**
   * Starts PostgreSQL, Redis and `count` processes, one after the other (the
   * first migrates). `env` is added to each process's environment. Give the
   * hook a minute and a half.
   */
  static async start(count: number, env: Record<string, string> = {}): Promise<TestCluster> {
    const [database, redis] = await Promise.all([TestPostgres.start(), TestRedis.start()]);
    const databaseUrl = await database.createDatabase();
    const key = randomBytes(32).toString('base64');
    const cluster = new TestCluster(database, redis, databaseUrl, [], [], {
      DATABASE_URL: databaseUrl, REDIS_URL: redis.url, THRESHOLD_KEY: key, ...env,
    });
    for (let i = 0; i < count; i++) await cluster.addServer();
    return cluster;
  }

  /** Starts one more process, with `env` over the shared environment (another DATABASE_URL to the same database, say); it joins `servers`. */
  async addServer(env: Record<string, string> = {}): Promise<ServerProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'threshold-cluster-'));
    this.dirs.push(dir);
    const server = new ServerProcess(await freePort(), dir, { ...this.env, ...env });
    await server.start();
    this.servers.push(server);
    return server;
  }

  /** Kills every process, then Redis and PostgreSQL; the directories go. */
  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.stop('SIGKILL')));
    await this.redis.stop();
    await this.database.stop();
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Processes behind a Balancer, shaped like `startServer`'s answer, so that a
 * suite written for one server runs against several (THRESHOLD_HARNESS=cluster,
 * tests/protocol/support.ts). THRESHOLD_CLUSTER_PROCESSES says how many (2
 * unless set). Websockets take turns of their own: the suite's n-th client
 * lands on process n mod N, whatever HTTP requests came between, so the
 * facilitator's process (the first client's) owns the meeting and the next
 * clients are on the others. `threshold` is not there: a suite that reaches
 * into the server cannot run so.
 */
export async function startClusterServer(env: Record<string, string> = {}): Promise<Running> {
  const { Balancer } = await import('./balancer.js');
  const cluster = await TestCluster.start(Number(process.env.THRESHOLD_CLUSTER_PROCESSES ?? 2), env);
  const balancer = new Balancer(cluster.servers.map((s) => s.port), { spreadSockets: true });
  await balancer.start();
  const threshold = new Proxy({}, {
    get() {
      throw new Error('this suite reaches into the server, which runs in other processes here');
    },
  }) as Running['threshold'];
  return {
    url: balancer.url,
    threshold,
    dataDir: '',
    async close() {
      await balancer.close();
      await cluster.stop();
    },
  };
}
