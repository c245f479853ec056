// What list pages keep in the address (?q=…&page=…), so a reload, a bookmark or the way back keeps the
// list as it was. Whatever someone typed into the address is read leniently: a bad value is no value.

/** A page number from 1 to the API's limit. */
export function pageParam(value: unknown): number | undefined {
  const page = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isInteger(page) && page > 1 ? Math.min(page, 100_000) : undefined;
}

/** A non-empty text. */
export function textParam(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;
}

/** A whole number of days from 0 to ten years. */
export function dayParam(value: unknown): number | undefined {
  const days = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isInteger(days) && days >= 0 ? Math.min(days, 3650) : undefined;
}
