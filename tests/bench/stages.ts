// For investigations, never for reported figures: times the stages of each
// command in our server during every measured round, so that a latency can be
// split into the wait for its durable commit and the work on the event loop.
//   BENCH_OUR_NODE_FLAGS="--import ./dist/bench/stages.js" node dist/bench/run.js --quick ...
// Each round of ours writes $STAGES_OUT.<pid>.<round>.txt (default /tmp/stages), in ms:
// - handle: the pipeline's whole answer, from the command's arrival at its meeting (queue, checks,
//   machine, commit, publish) to its ack;
// - append: handing the event to the writer thread until its commit is known on the event loop;
// - publish: building and writing every part of one command (synchronous).
// It wraps three prototypes of the built server before the server imports them; it adds a timer
// read per stage, so CPU figures of a run with it are not comparable with others.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Stage = 'handle' | 'append' | 'publish';
type Method = (this: unknown, ...args: unknown[]) => unknown;

if (process.argv[1]?.endsWith('our-server.js')) {
  const dist = resolve(import.meta.dirname, '..');
  const load = (path: string) => import(pathToFileURL(join(dist, path)).href);
  const samples: Record<Stage, number[]> = { handle: [], append: [], publish: [] };
  let measuring = false;
  let round = 0;

  /** Wrap `name` on `proto` so that each call's time until it settles (or returns) is a sample of `stage`. */
  const time = (proto: Record<string, Method>, name: string, stage: Stage) => {
    const original = proto[name]!;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      const record = () => {
        if (measuring) samples[stage].push(performance.now() - started);
      };
      const result = original.apply(this, args);
      if (result instanceof Promise) result.then(record, record);
      else record();
      return result;
    };
  };
  time((await load('server/meetings/pipeline.js')).CommandPipeline.prototype, 'handle', 'handle');
  time((await load('server/store/event-log-writer.js')).EventLogWriter.prototype, 'append', 'append');
  time((await load('server/meetings/publisher.js')).Publisher.prototype, 'publish', 'publish');

  const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(2);
  // The orchestrator's own requests to the server (ipc.ts) mark the measured window.
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'round-start') {
      measuring = true;
      for (const stage of Object.keys(samples) as Stage[]) samples[stage] = [];
    }
    if (message?.type === 'round-end' && measuring) {
      measuring = false;
      round += 1;
      const lines = (Object.entries(samples) as Array<[Stage, number[]]>)
        .filter(([, xs]) => xs.length > 0)
        .map(([stage, xs]) => {
          const sorted = [...xs].sort((a, b) => a - b);
          return `${stage}: n ${xs.length} p50 ${at(sorted, 0.5)} p90 ${at(sorted, 0.9)} p99 ${at(sorted, 0.99)} max ${at(sorted, 1)} ms`;
        });
      writeFileSync(`${process.env.STAGES_OUT ?? '/tmp/stages'}.${process.pid}.${round}.txt`, lines.join('\n') + '\n');
    }
  });
}
