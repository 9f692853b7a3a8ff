// `npm run bench`: Threshold against a bare Socket.IO relay, measured in the
// same run on the same machine. See docs/benchmarks.md for what each figure
// means and what bounds it.
//
//   node --expose-gc dist/bench/run.js [--quick] [--out FILE] [--details FILE]
//
// Children: our server (dist/server via our-server.js), the bare relay, two
// load generators; all on 127.0.0.1, all killed when this process ends.
import Database from 'better-sqlite3';
import * as hdr from 'hdr-histogram-js';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Child, killAllChildren } from './ipc.js';
import type { RoundStats } from './metrics.js';
import { formatReport, type DiskProbe, type Report, type RoundReport, type Summary } from './report.js';
import { createMeetings, facilitator, type Http } from './setup.js';
import { isOurs, type MeetingSpec, type ResyncResult, type RoundResult, type Target, type VerifyResult } from './shapes.js';

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    details: { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
    // Overrides, for trying things out: --meetings 10,50 --recovery-meetings 100 --seconds 5 --rounds 1
    meetings: { type: 'string' },
    'recovery-meetings': { type: 'string' },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    // Write V8 CPU profiles of our server's measured windows into this directory: see profile-summary.ts.
    profile: { type: 'string' },
    // Keep the temporary data directory (SQLite file and key) for a look afterwards.
    keep: { type: 'boolean', default: false },
    // The sweep size at which our server is also measured in protocol v1 (issue 14: the old path's cost).
    'v1-at': { type: 'string', default: '100' },
  },
});

const PARTICIPANTS = 8;
const GENERATORS = 2;
const PLAN = options.quick
  ? { sweep: [10, 100], rounds: 1, warmupMs: 1_500, measureMs: 4_000, recoveryMeetings: 100, burstMs: 2_000, throughputMs: 1_500, probeEverySize: false, deadlineMs: 150_000 }
  : { sweep: [10, 100, 500], rounds: 2, warmupMs: 3_000, measureMs: 20_000, recoveryMeetings: 1_000, burstMs: 4_000, throughputMs: 5_000, probeEverySize: true, deadlineMs: 30 * 60_000 };
if (options.meetings) PLAN.sweep = options.meetings.split(',').map(Number);
if (options['recovery-meetings']) PLAN.recoveryMeetings = Number(options['recovery-meetings']);
if (options.seconds) PLAN.measureMs = Number(options.seconds) * 1000;
if (options.rounds) PLAN.rounds = Number(options.rounds);
if (PLAN.sweep.some((n) => !Number.isInteger(n) || n < 1) || !(PLAN.measureMs > 0) || !(PLAN.rounds >= 1) || !(PLAN.recoveryMeetings >= 1)) {
  console.error('bench: --meetings, --recovery-meetings, --seconds and --rounds take positive numbers');
  process.exit(2);
}
/** The load generators' niceness from the kill until the restarted server listens. */
const RECOVERY_NICE = 10;
/** Sweep sizes at which ours also runs protocol v1 (whole views per connection), beside v2 and bare. */
const V1_AT = new Set(options['v1-at']!.split(',').map(Number));
const SCHEDULE = { intervalMs: 2_000, jitter: 0.25 };

const here = import.meta.dirname;

/**
 * The V8 flags `npm start` runs our server with: package.json is their one
 * source, so the bench measures the server as shipped.
 */
function productionNodeFlags(): string[] {
  // `npm start` builds, then runs `serve` (issue 17: several processes start from one build).
  const { serve } = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')).scripts as { serve: string };
  const match = /\bnode((?: --[\w-]+(?:=\S+)?)*) dist\/server\/main\.js/.exec(serve);
  if (!match) throw new Error('package.json: the serve script no longer runs `node [flags] dist/server/main.js`');
  return match[1]!.split(' ').filter(Boolean);
}
const OUR_NODE_FLAGS = productionNodeFlags();
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stderr.write(`[bench ${((performance.now() / 1000) | 0).toString().padStart(4)}s] ${line}\n`);

const dataDir = mkdtempSync(join(tmpdir(), 'threshold-bench-'));
if (options.profile) mkdirSync(options.profile, { recursive: true });
let finished = false;

function cleanUp() {
  killAllChildren();
  if (options.keep) console.error(`bench: data kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}
process.on('exit', () => killAllChildren());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}
const deadline = setTimeout(() => {
  if (finished) return;
  console.error(`bench: gave up after ${PLAN.deadlineMs / 1000} s`);
  cleanUp();
  process.exit(1);
}, PLAN.deadlineMs);

// --- children -----------------------------------------------------------------

interface Ready {
  port: number;
  meetings: number;
  builtMs: number;
  listeningMs: number;
  sinceProcessStartMs: number;
  transport: Record<string, unknown>;
}

/** A consistent copy of the running server's data directory (VACUUM INTO reads one snapshot), with its key and check files. */
function copyOfData(): string {
  const copy = mkdtempSync(join(tmpdir(), 'threshold-bench-probe-'));
  const db = new Database(join(dataDir, 'threshold.sqlite'), { readonly: true });
  try {
    db.exec(`VACUUM INTO '${join(copy, 'threshold.sqlite').replaceAll("'", "''")}'`);
  } finally {
    db.close();
  }
  for (const file of ['threshold.key', 'threshold.check']) cpSync(join(dataDir, file), join(copy, file));
  return copy;
}

async function startOurs(port = 0, profileStart = false, dir = dataDir): Promise<{ child: Child; ready: Ready }> {
  const child = new Child('our server', join(here, 'our-server.js'), {
    execArgv: [
      '--expose-gc',
      ...OUR_NODE_FLAGS,
      ...(profileStart && options.profile ? ['--cpu-prof', `--cpu-prof-dir=${options.profile}`] : []),
      // For investigations only, e.g. BENCH_OUR_NODE_FLAGS=--trace-gc; never set for reported figures.
      ...(process.env.BENCH_OUR_NODE_FLAGS ? process.env.BENCH_OUR_NODE_FLAGS.split(' ') : []),
    ],
    env: {
      DATA_DIR: dir,
      PORT: String(port),
      LOG_LEVEL: options['log-level']!,
      PUBLIC_URL: 'http://threshold.bench',
      // The per-connection flood limit (20 messages/s) would cap the one-meeting throughput test
      // at the limiter, not the store. The sweep sends 0.5 commands/s per facilitator.
      SOCKET_MESSAGES_PER_SECOND: '100000',
    },
  });
  const ready = (await child.announcement('ready', 120_000)) as unknown as Ready;
  return { child, ready };
}

async function startBare(transport: Record<string, unknown>): Promise<{ child: Child; port: number }> {
  const child = new Child('bare server', join(here, 'bare-server.js'), {
    execArgv: ['--expose-gc'],
    env: { BENCH_TRANSPORT: JSON.stringify(transport) },
  });
  const ready = await child.announcement('ready', 60_000);
  return { child, port: ready.port as number };
}

function startGenerators(): Child[] {
  return Array.from({ length: GENERATORS }, (_, i) => new Child(`load generator ${i}`, join(here, 'loadgen.js'), { env: { BENCH_GENERATOR: String(i) } }));
}

// --- the machine ----------------------------------------------------------------

/**
 * How busy the machine is besides us: the share of one core a busy loop gets
 * for half a second, and the kernel's CPU pressure (share of time some task
 * waited for a CPU, last 60 s). On a quiet machine: about 1.0 and near 0 %.
 */
function machineLoad(): { coreShare: number; cpuPressure60: number | null; loadAverage1: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - wall < 500) {
    // spin
  }
  const used = process.cpuUsage(cpu);
  let cpuPressure60: number | null = null;
  try {
    const some = /some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    cpuPressure60 = some ? Number(some[1]) : null;
  } catch {
    // not Linux, or no PSI
  }
  return { coreShare: (used.user + used.system) / 1000 / (performance.now() - wall), cpuPressure60, loadAverage1: loadavg()[0]! };
}

/**
 * The disk's fsync latency, as our store meets it: small transactions on a
 * SQLite file in WAL mode with synchronous=FULL, in the bench's data directory.
 * Every accepted command waits for one such commit before its ack and views.
 */
function diskProbe(commits: number): DiskProbe {
  const file = join(dataDir, 'fsync-probe.sqlite');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = db.prepare('INSERT INTO probe (body) VALUES (?)');
    const commit = db.transaction((body: string) => insert.run(body));
    const body = 'x'.repeat(3000);
    const times: number[] = [];
    for (let i = 0; i < commits; i++) {
      const t = performance.now();
      commit(body);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    return { commits, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times.at(-1)! };
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

/** Load generators yield to the server while it restarts: real clients are other devices. */
function nice(children: Child[], value: number) {
  for (const child of children) {
    try {
      if (child.pid) setPriority(child.pid, value);
    } catch {
      // not permitted (raising priority back needs privileges): the figures say which was used
    }
  }
}

// --- histograms -----------------------------------------------------------------

function merge(encoded: string[]): hdr.Histogram {
  const total = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
  for (const e of encoded) total.add(hdr.decodeFromCompressedBase64(e));
  return total;
}

function summary(h: hdr.Histogram): Summary {
  const ms = (us: number) => us / 1000;
  return {
    count: h.totalCount,
    p50: ms(h.getValueAtPercentile(50)),
    p95: ms(h.getValueAtPercentile(95)),
    p99: ms(h.getValueAtPercentile(99)),
    max: ms(h.maxValue),
  };
}

// --- the bench ----------------------------------------------------------------------

async function main() {
  const startedAt = new Date();
  const loadBefore = machineLoad();
  const diskBefore = diskProbe(PLAN.probeEverySize ? 300 : 100);
  log(`data in ${dataDir}; ${options.quick ? 'quick' : 'full'} sweep ${PLAN.sweep.join(', ')} × ${PARTICIPANTS}`);
  let ours = await startOurs();
  const oursPort = ours.ready.port;
  const bare = await startBare(ours.ready.transport);
  const generators = startGenerators();
  const url: Record<Target, string> = { ours: `http://127.0.0.1:${oursPort}`, 'ours-v1': `http://127.0.0.1:${oursPort}`, bare: `http://127.0.0.1:${bare.port}` };
  const http = await facilitator(url.ours);
  const specs: MeetingSpec[] = [];
  const memory: Array<{ meetings: number; heapUsedMB: number }> = [];
  const rounds: RoundReport[] = [];

  const share = (list: MeetingSpec[]) => generators.map((_, g) => list.filter((__, i) => i % GENERATORS === g));
  const connect = async (target: Target, list: MeetingSpec[], only?: number) => {
    const parts = share(list);
    const started = performance.now();
    await Promise.all(
      generators.map((g, i) =>
        only === undefined || only === i
          ? g.request('connect', { target, url: url[target], cookie: http.cookie, meetings: only === undefined ? parts[i] : list }, 300_000)
          : null,
      ),
    );
    return performance.now() - started;
  };
  const all = <T>(type: string, body: Record<string, unknown> = {}, timeoutMs = 120_000) =>
    Promise.all(generators.map((g) => g.request<T>(type, body, timeoutMs)));

  /** Heap after GC of a fresh server process that restored every meeting stored so far, with no socket connected. */
  const idleHeap = async (expected: number) => {
    // A data directory holds one server (threshold.lock): the probe restores a consistent copy.
    const copy = copyOfData();
    const probe = await startOurs(0, false, copy);
    if (probe.ready.meetings !== expected) throw new Error(`memory probe restored ${probe.ready.meetings} meetings, expected ${expected}`);
    const heap = await probe.child.request<{ heapUsedMB: number }>('heap-after-gc');
    await probe.child.stop('SIGTERM');
    rmSync(copy, { recursive: true, force: true });
    memory.push({ meetings: expected, heapUsedMB: heap.heapUsedMB });
    log(`idle heap with ${expected} meetings: ${heap.heapUsedMB.toFixed(1)} MB`);
  };

  const ensureMeetings = async (count: number) => {
    if (specs.length >= count) return;
    const started = performance.now();
    await createMeetings(http, specs, count, PARTICIPANTS);
    log(`created meetings up to ${count} through the HTTP API in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  const runRound = async (target: Target, meetings: number, index: number): Promise<RoundReport> => {
    const server = isOurs(target) ? ours.child : bare.child;
    const list = specs.slice(0, meetings);
    const connectMs = await connect(target, list);
    if (isOurs(target)) {
      const prepared = await all<{ refused: string[] }>('prepare', {}, 180_000);
      const refused = prepared.flatMap((p) => p.refused);
      if (refused.length) throw new Error(`preparing meetings was refused: ${refused.slice(0, 3).join('; ')}`);
    }
    const schedule = { ...SCHEDULE, warmupMs: PLAN.warmupMs, measureMs: PLAN.measureMs, seed: meetings * 100 + index };
    const results = all<RoundResult & { skipped: number }>('round', { schedule }, PLAN.warmupMs + PLAN.measureMs + 60_000);
    await sleep(PLAN.warmupMs);
    await server.request('round-start');
    const profiling = Boolean(options.profile);
    if (profiling) await server.request('profile-start');
    await sleep(PLAN.measureMs);
    const stats = await server.request<RoundStats>('round-end');
    if (profiling) await server.request('profile-stop', { file: join(options.profile!, `${target}-${meetings}-round${index}.cpuprofile`) });
    const done = await results;
    const heapWithSockets = isOurs(target) ? (await server.request<{ heapUsedMB: number }>('heap-after-gc')).heapUsedMB : null;
    await all('disconnect');
    const counts = done.map((d) => d.counts);
    const refused: Record<string, number> = {};
    for (const c of counts) for (const [code, n] of Object.entries(c.refused)) refused[code] = (refused[code] ?? 0) + n;
    const report: RoundReport = {
      target,
      meetings,
      participants: PARTICIPANTS,
      round: index,
      connectMs,
      ack: summary(merge(done.map((d) => d.ack))),
      allDelivered: summary(merge(done.map((d) => d.allDelivered))),
      ackHistograms: done.map((d) => d.ack),
      allDeliveredHistograms: done.map((d) => d.allDelivered),
      sent: counts.reduce((n, c) => n + c.sent, 0),
      measured: counts.reduce((n, c) => n + c.measured, 0),
      acked: counts.reduce((n, c) => n + c.acked, 0),
      refused,
      unanswered: counts.reduce((n, c) => n + c.unanswered, 0),
      undelivered: counts.reduce((n, c) => n + c.undelivered, 0),
      unexpectedRevision: counts.reduce((n, c) => n + c.unexpectedRevision, 0),
      skipped: done.reduce((n, d) => n + d.skipped, 0),
      server: stats,
      heapWithSocketsMB: heapWithSockets,
      loadgenEventLoopP99Ms: Math.max(...done.map((d) => d.loadgenEventLoopP99Ms)),
      loadgenEventLoopMaxMs: Math.max(...done.map((d) => d.loadgenEventLoopMaxMs)),
      loadgenCpuPercent: Math.max(...done.map((d) => d.loadgenCpuPercent)),
      bytesReceived: done.reduce((n, d) => n + d.bytesReceived, 0),
    };
    log(
      `${target} ${meetings}×${PARTICIPANTS} round ${index}: ack p99 ${report.ack.p99.toFixed(2)} ms, all-delivered p50 ${report.allDelivered.p50.toFixed(2)} p99 ${report.allDelivered.p99.toFixed(2)} ms ` +
        `(${report.allDelivered.count} commands), server loop p99 ${stats.eventLoopP99Ms.toFixed(1)} ms, cpu ${stats.cpuPercent.toFixed(0)}%`,
    );
    return report;
  };

  // 1. Fan-out latency, ours and bare in alternating rounds.
  await idleHeap(0);
  for (const meetings of PLAN.sweep) {
    await ensureMeetings(meetings);
    for (let r = 0; r < PLAN.rounds; r++) {
      const order: Target[] = r % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
      if (V1_AT.has(meetings)) order.push('ours-v1');
      for (const target of order) rounds.push(await runRound(target, meetings, r));
    }
    if (PLAN.probeEverySize || meetings === PLAN.sweep.at(-1)) await idleHeap(meetings);
  }

  // 2. Commands per second for one meeting (synchronous=FULL on ours).
  const throughput: Report['throughput'] = { ours: { oneAtATime: 0, pipelined: 0 }, bare: { oneAtATime: 0, pipelined: 0 }, window: 16 };
  for (const target of ['ours', 'bare'] as const) {
    await connect(target, specs.slice(0, 1), 0);
    if (target === 'ours') await generators[0]!.request('prepare');
    for (const [mode, window] of [['oneAtATime', 1], ['pipelined', throughput.window]] as const) {
      const r = await generators[0]!.request<{ perSecond: number; refused: number; codes: Record<string, number> }>('throughput', { durationMs: PLAN.throughputMs, window }, PLAN.throughputMs + 60_000);
      if (r.refused > 0) throw new Error(`throughput ${target} ${mode}: ${r.refused} commands refused: ${JSON.stringify(r.codes)}`);
      throughput[target][mode] = r.perSecond;
    }
    await generators[0]!.request('disconnect');
    log(`one meeting, ${target}: ${throughput[target].oneAtATime.toFixed(0)} commands/s one at a time, ${throughput[target].pipelined.toFixed(0)} with ${throughput.window} in flight`);
  }

  // 3. Restart recovery: SIGKILL mid-burst with every meeting's clients connected.
  const recoveryMeetings = Math.max(PLAN.recoveryMeetings, specs.length);
  await ensureMeetings(recoveryMeetings);
  if (!memory.some((m) => m.meetings === recoveryMeetings)) await idleHeap(recoveryMeetings);
  const recoverySet = specs.slice(0, recoveryMeetings);
  const recoveryConnectMs = await connect('ours', recoverySet);
  await all('prepare', {}, 300_000);
  log(`recovery: ${recoverySet.length} meetings, ${recoverySet.length * (PARTICIPANTS + 1)} sockets connected in ${(recoveryConnectMs / 1000).toFixed(1)} s; burst, then SIGKILL`);
  await all('burst', { schedule: { ...SCHEDULE, warmupMs: 0, measureMs: PLAN.burstMs + 60_000, seed: 4242 } });
  await sleep(PLAN.burstMs);
  nice(generators, RECOVERY_NICE);
  const killedAt = clock();
  ours.child.process.kill('SIGKILL');
  await ours.child.exited;
  const restarted = startOurs(oursPort, true);
  const stopped = await all<{ acknowledged: number }>('stop-sending');
  ours = await restarted;
  const readyAt = clock();
  nice(generators, 0);
  if (ours.ready.meetings < recoveryMeetings) throw new Error(`only ${ours.ready.meetings} meetings restored`);
  if (options.profile) await ours.child.request('profile-start');
  const resync = await all<ResyncResult>('resync', { killedAt, timeoutMs: 60_000 }, 90_000);
  if (options.profile) await ours.child.request('profile-stop', { file: join(options.profile, 'ours-resync.cpuprofile') });
  const verify = await all<VerifyResult>('verify', {}, 300_000);
  await all('disconnect');
  const resynced = resync.reduce((n, r) => n + r.resynced, 0);
  const sockets = resync.reduce((n, r) => n + r.sockets, 0);
  const recovery: Report['recovery'] = {
    meetings: ours.ready.meetings,
    sockets,
    resynced,
    generatorNice: RECOVERY_NICE,
    restoreMs: readyAt - killedAt,
    processStartToListeningMs: ours.ready.sinceProcessStartMs,
    buildServerMs: ours.ready.builtMs,
    resyncMs: Math.max(...resync.map((r) => r.lastResyncAt)) - killedAt,
    acknowledgedBeforeKill: stopped.reduce((n, s) => n + s.acknowledged, 0),
    resent: verify.reduce((n, v) => n + v.acknowledged, 0),
    lostAcknowledgedCommands: verify.reduce((n, v) => n + v.lost, 0),
    examples: verify.flatMap((v) => v.examples),
  };
  log(`recovery: restored ${recovery.meetings} in ${recovery.restoreMs.toFixed(0)} ms after SIGKILL, every client resynced after ${recovery.resyncMs.toFixed(0)} ms, ${recovery.lostAcknowledgedCommands} lost of ${recovery.resent}`);

  await Promise.all([ours.child.stop(), bare.child.stop(), ...generators.map((g) => g.stop())]);
  const report: Report = {
    startedAt: startedAt.toISOString(),
    quick: options.quick!,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, loadBefore, loadAfter: machineLoad() },
    disk: { before: diskBefore, after: diskProbe(PLAN.probeEverySize ? 300 : 100) },
    logLevel: options['log-level']!,
    nodeFlags: OUR_NODE_FLAGS,
    schedule: { ...SCHEDULE, warmupMs: PLAN.warmupMs, measureMs: PLAN.measureMs, rounds: PLAN.rounds },
    rounds,
    memory,
    throughput,
    recovery,
  };
  const { table, json } = formatReport(report);
  console.log(table);
  if (options.out) writeFileSync(options.out, JSON.stringify(json, null, 2) + '\n');
  if (options.details) writeFileSync(options.details, JSON.stringify(report, null, 2) + '\n');
}

main()
  .then(() => {
    finished = true;
    clearTimeout(deadline);
    cleanUp();
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error('bench failed:', error instanceof Error ? error.stack : error);
    cleanUp();
    process.exit(1);
  });
