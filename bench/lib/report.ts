import { type Comparison, formatRatio, formatRun } from './compare.ts';

export type Goal = { op: '>=' | '<='; value: number } | { op: 'between'; min: number; max: number };

export const formatGoal = (goal: Goal) =>
  goal.op === 'between' ? `between ${goal.min} and ${goal.max}` : `${goal.op} ${goal.value}`;

export function meetsGoal(ratio: number, goal: Goal): boolean {
  if (goal.op === 'between') return ratio >= goal.min && ratio <= goal.max;
  return goal.op === '>=' ? ratio >= goal.value : ratio <= goal.value;
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
  const rounds = comparison.roundRatios.map(formatRatio).join(', ');
  console.log(
    `ratio ${comparison.ratioLabel} ${ratio.toFixed(4)} (median of rounds: ${rounds}): goal ${meetsGoal(ratio, goal) ? 'met' : 'MISSED'}`,
  );
  console.log(`RESULT ${name.toUpperCase()} ${formatRatio(ratio)} (goal ${formatGoal(goal)})`);
}
