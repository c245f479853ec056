import { type Comparison, formatRatio, formatRun } from './compare.ts';

export type Goal = { op: '>=' | '<=' | '<'; value: number } | { op: 'between'; min: number; max: number };

/** A benchmark's own value where there is no limit to compare with (M1: megabytes). */
export interface Measurement {
  label: string;
  unit: string;
  /** One per round. */
  values: number[];
  /** Median of values. */
  value: number;
  problems: string[];
  /** Decimals of the value in the RESULT line (0 when not given). */
  digits?: number;
  /** Further findings printed before the RESULT line. */
  notes?: string[];
  /** Said inside the RESULT line's parentheses, after the goal (I1: the times behind the ratio). */
  resultNote?: string;
}

export const formatGoal = (goal: Goal) =>
  goal.op === 'between' ? `between ${goal.min} and ${goal.max}` : `${goal.op} ${goal.value}`;

export function meetsGoal(ratio: number, goal: Goal): boolean {
  if (goal.op === 'between') return ratio >= goal.min && ratio <= goal.max;
  if (goal.op === '<') return ratio < goal.value;
  return goal.op === '>=' ? ratio >= goal.value : ratio <= goal.value;
}

/** Absolute numbers for the record (never asserted), then the one machine-readable RESULT line. */
export function printResult(name: string, comparison: Comparison, goal: Goal): void {
  const { limit, subject, ratio, problems } = comparison;
  const runs = limit.runs.length;
  const format = comparison.format ?? formatRun;
  console.log(`\nmedians of ${runs} run${runs === 1 ? '' : 's'}:`);
  console.log(`  limit    ${limit.target.label.padEnd(28)}  ${format(limit)}`);
  console.log(`  subject  ${subject.target.label.padEnd(28)}  ${format(subject)}`);
  if (problems.length > 0) {
    console.log(`\nINVALID: ${problems.length} run problem(s), the ratio is not usable:`);
    for (const problem of problems) console.log(`  - ${problem}`);
    console.log(`RESULT ${name.toUpperCase()} invalid (goal ${formatGoal(goal)})`);
    return;
  }
  for (const note of comparison.notes ?? []) console.log(note);
  const rounds = comparison.roundRatios.map(formatRatio).join(', ');
  console.log(
    `ratio ${comparison.ratioLabel} ${ratio.toFixed(4)} (median of rounds: ${rounds}): goal ${meetsGoal(ratio, goal) ? 'met' : 'MISSED'}`,
  );
  console.log(`RESULT ${name.toUpperCase()} ${formatRatio(ratio)} (goal ${formatGoal(goal)})`);
}

export function printMeasurement(name: string, measurement: Measurement, goal: Goal): void {
  const { label, unit, values, value, problems } = measurement;
  if (problems.length > 0) {
    console.log(`\nINVALID: ${problems.length} problem(s):`);
    for (const problem of problems) console.log(`  - ${problem}`);
    console.log(`RESULT ${name.toUpperCase()} invalid (goal ${formatGoal(goal)})`);
    return;
  }
  const digits = measurement.digits ?? 0;
  const rounds = values.map((each) => each.toFixed(digits)).join(', ');
  for (const note of measurement.notes ?? []) console.log(note);
  console.log(
    `\n${label} ${value.toFixed(Math.max(1, digits))} ${unit} (median of rounds: ${rounds}): goal ${meetsGoal(value, goal) ? 'met' : 'MISSED'}`,
  );
  const goalText = `goal ${formatGoal(goal)}${unit ? ` ${unit}` : ''}`;
  const note = measurement.resultNote ? `; ${measurement.resultNote}` : '';
  console.log(`RESULT ${name.toUpperCase()} ${value.toFixed(digits)} (${goalText}${note})`);
}
