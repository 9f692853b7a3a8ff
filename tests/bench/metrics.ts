// What a server child measures about itself for the orchestrator: event-loop
// delay, CPU, RSS and heap during a round, and heap after a full GC.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface RoundStats {
  eventLoopP50Ms: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  cpuPercent: number;
  rssMaxMB: number;
  heapMaxMB: number;
  /** The main thread's (event loop's) share of cpuPercent; the rest is the writer thread, GC helpers and libuv. */
  cpuMainPercent: number;
  /** The busiest other thread's share (the event log's writer thread under load). */
  cpuBusiestOtherPercent: number;
}

/** CPU ticks (user + system, 1/100 s) of each of this process's threads, from Linux's /proc; empty elsewhere. */
function threadTicks(): Map<string, number> {
  const ticks = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(tid, Number(fields[11]) + Number(fields[12]));
    }
  } catch {
    // Not Linux: the split is reported as NaN.
  }
  return ticks;
}

const MB = 1024 * 1024;

export function serverMetrics() {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let sampler: NodeJS.Timeout | null = null;
  let cpuStart = process.cpuUsage();
  let wallStart = performance.now();
  let ticksStart = threadTicks();
  let rssMax = 0;
  let heapMax = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rssMax = Math.max(rssMax, m.rss);
    heapMax = Math.max(heapMax, m.heapUsed);
  };
  // A CPU profile of one window (a round), for `npm run bench -- --profile DIR`.
  let profiler: Session | null = null;
  return {
    async 'profile-start'() {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
      return null;
    },
    async 'profile-stop'(message: Record<string, unknown>) {
      if (!profiler) return null;
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(message.file as string, JSON.stringify(profile));
      profiler.disconnect();
      profiler = null;
      return null;
    },
    'round-start'() {
      delay.reset();
      cpuStart = process.cpuUsage();
      wallStart = performance.now();
      ticksStart = threadTicks();
      rssMax = 0;
      heapMax = 0;
      if (sampler) clearInterval(sampler);
      sampler = setInterval(sample, 250);
      sample();
      return null;
    },
    'round-end'(): RoundStats {
      if (sampler) clearInterval(sampler);
      sampler = null;
      sample();
      const cpu = process.cpuUsage(cpuStart);
      const wall = performance.now() - wallStart;
      const ticksEnd = threadTicks();
      const used = [...ticksEnd].map(([tid, t]) => ({ tid, t: t - (ticksStart.get(tid) ?? 0) }));
      const tickPercent = (t: number) => (ticksEnd.size ? ((t * 10) / wall) * 100 : NaN);
      const main = used.find((u) => u.tid === String(process.pid))?.t ?? 0;
      const busiestOther = Math.max(0, ...used.filter((u) => u.tid !== String(process.pid)).map((u) => u.t));
      return {
        eventLoopP50Ms: delay.percentile(50) / 1e6,
        eventLoopP99Ms: delay.percentile(99) / 1e6,
        eventLoopMaxMs: delay.max / 1e6,
        cpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100,
        rssMaxMB: rssMax / MB,
        heapMaxMB: heapMax / MB,
        cpuMainPercent: tickPercent(main),
        cpuBusiestOtherPercent: tickPercent(busiestOther),
      };
    },
    async 'heap-after-gc'() {
      return heapAfterGc();
    },
  };
}

/** Heap in use after full collections, with turns of the loop between them so finalizers run. */
export async function heapAfterGc(): Promise<{ heapUsedMB: number; rssMB: number; externalMB: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the server child with --expose-gc');
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const m = process.memoryUsage();
  return { heapUsedMB: m.heapUsed / MB, rssMB: m.rss / MB, externalMB: m.external / MB };
}
