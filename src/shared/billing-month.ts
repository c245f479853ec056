// B1: a billing month is a calendar month in the account's time zone. An event at 23:30 UTC on 31 January
// belongs to February in Berlin. After the month ends it stays open for late meters for a grace period,
// then it is closed: what arrives later goes on the next invoice as a dated late line.
import { TZDate } from '@date-fns/tz';

export const graceDays = 3;
export type BillingMonthState = 'open' | 'grace' | 'closed';

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isBillingMonth = (value: string) => monthPattern.test(value);

/** YYYY-MM of `instant` (ISO) in `timeZone`. */
export function billingMonthOf(instant: string, timeZone: string): string {
  const local = new TZDate(new Date(instant).getTime(), timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}`;
}

/** The month after `month`: "2026-12" → "2027-01". */
export function nextBillingMonth(month: string): string {
  const [year, monthNumber] = parse(month);
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/** The UTC instants the month covers in `timeZone`: from inclusive, to exclusive. */
export function billingMonthBounds(month: string, timeZone: string): { from: string; to: string } {
  const [year, monthNumber] = parse(month);
  const startOf = (y: number, m: number) =>
    new Date(new TZDate(y, m - 1, 1, timeZone).getTime()).toISOString();
  return {
    from: startOf(year, monthNumber),
    to: monthNumber === 12 ? startOf(year + 1, 1) : startOf(year, monthNumber + 1),
  };
}

/** Open until the month ends, in grace for `graceDays` days after, closed from then on. */
export function billingMonthState(month: string, timeZone: string, now: Date): BillingMonthState {
  const { to } = billingMonthBounds(month, timeZone);
  const end = new Date(to);
  if (now < end) return 'open';
  const [year, monthNumber] = parse(nextBillingMonth(month));
  const graceEnd = new TZDate(year, monthNumber - 1, 1 + graceDays, timeZone);
  return now.getTime() < graceEnd.getTime() ? 'grace' : 'closed';
}

function parse(month: string): [number, number] {
  const match = monthPattern.exec(month);
  if (!match) throw new RangeError(`not a billing month: ${month}`);
  return [Number(match[1]), Number(match[2])];
}
