// npm run bench:profile -- <file.cpuprofile> [--requests n] [--window <function>]
// Where a server's busy time went (idle and start-up left out), by layer: the table in docs/BENCHMARKS.md.
// A sample belongs to the first layer below found anywhere on its stack. Take the profile with `npm run bench -- g1 --cpu-prof <dir>`. With --window, only
// the time between the first and the last sample inside that function counts (the load, not the set-up).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const layers: [string, (url: string, name: string) => boolean][] = [
  ['gc', (_url, name) => name === '(garbage collector)'],
  ['driver', (url) => /better-sqlite3|sqlite-driver|postgres-driver|\/pg\/|pg-protocol|pg-pool/.test(url)],
  ['query building', (url) => url.includes('/kysely/')],
  ['JSON', (url) => url.includes('fast-json-stringify')],
  ['Kontor code', (url) => url.includes('/src/')],
  ['framework & HTTP', (url) => /fastify|find-my-way|avvio|node:|ajv|cookie|toad-cache/.test(url)],
];
const startUp = /node:internal\/modules|compileSourceTextModule|wrapSafe|esm\/hooks/;

function summarize(profile: Profile, window?: string) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const stackOf = (id: number) => {
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const node = byId.get(at);
      if (node) stack.push(node);
    }
    return stack; // leaf first
  };
  const stacks = profile.samples.map(stackOf);
  const inWindow = stacks.map((stack) =>
    window ? stack.some(({ callFrame }) => callFrame.functionName === window) : true,
  );
  const first = inWindow.indexOf(true);
  const last = inWindow.lastIndexOf(true);
  const cells = new Map<string, number>();
  let busy = 0;
  stacks.forEach((stack, index) => {
    if (index < first || index > last) return;
    const micros = profile.timeDeltas[index] ?? 0;
    const leaf = stack[0]?.callFrame.functionName;
    if (leaf === '(idle)' || leaf === '(program)') return;
    if (stack.some(({ callFrame }) => startUp.test(callFrame.url) || startUp.test(callFrame.functionName)))
      return;
    const layer =
      layers.find(([, matches]) =>
        stack.some(({ callFrame }) => matches(callFrame.url, callFrame.functionName)),
      )?.[0] ?? 'other';
    cells.set(layer, (cells.get(layer) ?? 0) + micros);
    busy += micros;
  });
  return { cells, busy };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { requests: { type: 'string' }, window: { type: 'string' } },
});
const [file] = positionals;
if (!file)
  throw new Error('usage: bench/profile-summary.ts <file.cpuprofile> [--requests n] [--window <function>]');
const { cells, busy } = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, values.window);
const requests = values.requests ? Number(values.requests) : null;
console.log(
  `busy ${(busy / 1000).toFixed(0)} ms${requests ? `, ${(busy / requests).toFixed(0)} µs per request` : ''}`,
);
console.log('| layer | share | µs per request |\n| --- | ---: | ---: |');
for (const [layer, micros] of [...cells].sort((a, b) => b[1] - a[1])) {
  const perRequest = requests ? (micros / requests).toFixed(0) : '';
  console.log(`| ${layer} | ${((micros / busy) * 100).toFixed(0)} % | ${perRequest} |`);
}
