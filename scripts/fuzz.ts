// `npm run fuzz -- --runs 10000 [--seed N]`: the generated fuzzing of test/fuzz.test.ts, long. The seed is
// printed first, so a failure can be replayed with the same --seed.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string' } },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed N]');
  process.exit(2);
}
console.log(
  `fuzzing every route ${runs} times with seed ${seed} (replay: npm run fuzz -- --runs ${runs} --seed ${seed})`,
);
const result = spawnSync('npx', ['vitest', 'run', 'test/fuzz.test.ts', '--testTimeout', '0'], {
  stdio: 'inherit',
  env: { ...process.env, KONTOR_FUZZ_RUNS: String(runs), KONTOR_FUZZ_SEED: String(seed) },
});
process.exit(result.status ?? 1);
