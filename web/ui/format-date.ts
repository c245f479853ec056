/**
 * Date and time in the interface language, e.g. "23 Nov 2026, 05:51" or "2026. nov. 23. 5:51", in the
 * account's time zone when one is given (else the browser's).
 */
export function formatDateTime(iso: string | null | undefined, locale: string, timeZone?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
