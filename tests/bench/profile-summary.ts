// Summarise a V8 .cpuprofile (from `npm run bench -- --profile DIR`): self time
// by function and by file, so that a profile can be read without DevTools.
//   node dist/bench/profile-summary.js FILE.cpuprofile [top] [untilMs]
// untilMs: only the first so many milliseconds (e.g. a server's start-up).
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, untilArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-summary FILE.cpuprofile [top]');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const until = untilArg ? Number(untilArg) * 1000 : Infinity;
const self = new Map<number, number>();
let elapsed = 0;
profile.samples.forEach((id, i) => {
  elapsed += profile.timeDeltas[i] ?? 0;
  if (elapsed <= until) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const shortUrl = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/');
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

function table(title: string, key: (n: Node) => string, inclusive = false) {
  const sums = new Map<string, number>();
  for (const [id, t] of self) {
    if (!inclusive) {
      const k = key(byId.get(id)!);
      sums.set(k, (sums.get(k) ?? 0) + t);
      continue;
    }
    // Inclusive: count the sample once for every distinct key on its stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) seen.add(key(byId.get(cur)!));
    for (const k of seen) sums.set(k, (sums.get(k) ?? 0) + t);
  }
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, t] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((t / total) * 100).toFixed(1).padStart(6)}%  ${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  }
}

table('Self time by function', label);
table('Self time by file or package', (n) => {
  const url = shortUrl(n.callFrame.url);
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return pkg ? pkg[1]! : url || n.callFrame.functionName;
});
table('Inclusive time by function', label, true);
