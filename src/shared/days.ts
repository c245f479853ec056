// Calendar days as people mean them: in the account's time zone, not in UTC. 1 December in Berlin starts at
// 23:00 UTC on 30 November (summer time: 22:00).
import { TZDate } from '@date-fns/tz';

const midnight = (day: string, timeZone: string, plusDays = 0) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(
    new TZDate(year ?? 0, (month ?? 1) - 1, (date ?? 1) + plusDays, timeZone).getTime(),
  ).toISOString();
};

/** A YYYY-MM-DD that exists on the calendar (not 2026-02-30). */
export const isCalendarDay = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** The instants days `from`..`to` (YYYY-MM-DD, both inclusive) cover in `timeZone`; `to` is exclusive. */
export const dayRange = (timeZone: string, from?: string, to?: string) => ({
  from: from ? midnight(from, timeZone) : undefined,
  to: to ? midnight(to, timeZone, 1) : undefined,
});
