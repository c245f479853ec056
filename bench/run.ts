// npm run bench -- <name> [--duration s] [--connections n] [--rounds n] [--db sqlite|postgres] | --list
import { parseArgs } from 'node:util';
import { findBenchmark, InvalidResultError, listBenchmarks, runBenchmark } from './benchmarks.ts';
import { cleanupOnSignals } from './lib/cleanup.ts';

const usage = `usage: npm run bench -- <name> [--duration <s>] [--connections <n>] [--rounds <n>] [--db sqlite|postgres] [--cpu-prof <dir>]
       npm run bench -- --list
options may also come from BENCH_DURATION, BENCH_CONNECTIONS, BENCH_ROUNDS, BENCH_DB
benchmarks:
${listBenchmarks()}`;

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.list || values.help) {
    console.log(usage);
    return 0;
  }
  const [name, ...extra] = positionals;
  if (name === undefined || extra.length > 0) {
    console.error(usage);
    return 1;
  }
  if (!findBenchmark(name)) {
    console.error(`unknown benchmark: ${name}\n${usage}`);
    return 1;
  }
  cleanupOnSignals();
  try {
    const { 'cpu-prof': cpuProf, ...rest } = values;
    await runBenchmark(name, { ...rest, cpuProf });
    return 0;
  } catch (error) {
    // The report already listed why a result is invalid.
    if (!(error instanceof InvalidResultError)) console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      rounds: { type: 'string' },
      db: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
  });
}

process.exitCode = await main();
