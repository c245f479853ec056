import { type Comparison, formatRun } from './compare.ts';

export interface Goal {
  op: '>=' | '<=';
  value: number;
}

export const formatGoal = ({ op, value }: Goal) => `${op} ${value}`;

export function meetsGoal(ratio: number, { op, value }: Goal): boolean {
  return op === '>=' ? ratio >= value : ratio <= value;
}

/** Absolute numbers for the record (never asserted), then the one machine-readable RESULT line. */
export function printResult(name: string, comparison: Comparison, goal: Goal): void {
  const { limit, subject, ratio, problems } = comparison;
  const runs = limit.runs.length;
  console.log(`\nmedians of ${runs} run${runs === 1 ? '' : 's'}:`);
  console.log(`  limit    ${limit.target.label.padEnd(28)}  ${formatRun(limit)}`);
  console.log(`  subject  ${subject.target.label.padEnd(28)}  ${formatRun(subject)}`);
  if (problems.length > 0) {
    console.log(`\nINVALID: ${problems.length} run problem(s), the ratio is not usable:`);
    for (const problem of problems) console.log(`  - ${problem}`);
    console.log(`RESULT ${name.toUpperCase()} invalid (goal ${formatGoal(goal)})`);
    return;
  }
  const rounds = comparison.roundRatios.map((value) => value.toFixed(2)).join(', ');
  console.log(
    `ratio subject/limit ${ratio.toFixed(4)} (median of rounds: ${rounds}): goal ${meetsGoal(ratio, goal) ? 'met' : 'MISSED'}`,
  );
  console.log(`RESULT ${name.toUpperCase()} ${ratio.toFixed(2)} (goal ${formatGoal(goal)})`);
}
