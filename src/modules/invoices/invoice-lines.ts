// What an invoice says, computed from usage: lines per service and price, late lines per earlier month, the
// appendix per user and service, and the totals. Money is integer cents: a line's net is its quantity times
// its unit price, exactly; only VAT is rounded, half up, once per rate on the rate's net sum (EN 16931
// BR-CO-17). Pure, so the invoice run, the preview and the tests compute alike.
import type { Locale } from '../../config.ts';
import type { InvoiceAppendixEntry, InvoiceDocumentLine, InvoiceVatBreakdown } from './invoice-document.ts';

/** Usage summed per service, price, month and user (one row of the run's grouped read). */
export interface UsageGroup {
  serviceId: string;
  unitNetCents: number;
  vatRateBp: number;
  billingMonth: string;
  userNumber: string;
  userName: string;
  quantity: number;
  /** How many usage events the group sums. */
  events: number;
}

export interface BilledService {
  id: string;
  code: string;
  unit: string;
  nameDe: string;
  nameEn: string;
  nameHu: string;
}

export type BillLine = InvoiceDocumentLine & { serviceId: string };
export type BillAppendixEntry = InvoiceAppendixEntry & { serviceId: string; position: number };

export interface Totals {
  vatBreakdown: InvoiceVatBreakdown[];
  netCents: number;
  vatCents: number;
  grossCents: number;
}

export interface Bill extends Totals {
  lines: BillLine[];
  appendix: BillAppendixEntry[];
  events: number;
}

/** The calendar days of a month, both inclusive: "2026-02" → 2026-02-01 … 2026-02-28. */
export function monthDays(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** VAT of a net sum, rounded half up (away from zero) to the cent. */
export function vatOf(netCents: number, vatRateBp: number): number {
  const sign = netCents < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(netCents) * vatRateBp + 5_000) / 10_000);
}

export function totalsOf(lines: readonly { netCents: number; vatRateBp: number }[]): Totals {
  const netByRate = new Map<number, number>();
  for (const line of lines)
    netByRate.set(line.vatRateBp, (netByRate.get(line.vatRateBp) ?? 0) + line.netCents);
  const vatBreakdown = [...netByRate]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBp, netCents]) => ({ vatRateBp, netCents, vatCents: vatOf(netCents, vatRateBp) }));
  const netCents = vatBreakdown.reduce((sum, rate) => sum + rate.netCents, 0);
  const vatCents = vatBreakdown.reduce((sum, rate) => sum + rate.vatCents, 0);
  return { vatBreakdown, netCents, vatCents, grossCents: netCents + vatCents };
}

export const serviceName = (service: BilledService, language: Locale) =>
  language === 'en' ? service.nameEn : language === 'hu' ? service.nameHu : service.nameDe;

const byKey = <T>(map: Map<string, T>, key: string, create: () => T): T => {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
};

/**
 * The bill of `month`: usage of that month on lines per service and price; usage of earlier months (late, or
 * never billed) on lines of its own, dated with its month; the appendix per user (as recorded) and service.
 */
export function billOf(
  groups: readonly UsageGroup[],
  month: string,
  services: ReadonlyMap<string, BilledService>,
  language: Locale,
): Bill {
  const serviceOf = (id: string) => {
    const service = services.get(id);
    if (!service) throw new Error(`usage of an unknown service ${id}`);
    return service;
  };
  const lines = new Map<string, Omit<BillLine, 'position'> & { sortKey: string }>();
  const appendix = new Map<string, Omit<BillAppendixEntry, 'position'>>();
  let events = 0;
  for (const group of groups) {
    const service = serviceOf(group.serviceId);
    const late = group.billingMonth < month ? group.billingMonth : null;
    const net = group.quantity * group.unitNetCents;
    events += group.events;
    const line = byKey(
      lines,
      [group.serviceId, group.unitNetCents, group.vatRateBp, late ?? ''].join('|'),
      () => ({
        // Current month first, then late lines by month; within, by service and price.
        sortKey: `${late ?? '0000-00'}|${service.code}|${String(group.unitNetCents).padStart(12, '0')}|${group.vatRateBp}`,
        serviceId: service.id,
        serviceCode: service.code,
        description: serviceName(service, language),
        quantity: 0,
        unit: service.unit,
        unitNetCents: group.unitNetCents,
        netCents: 0,
        vatRateBp: group.vatRateBp,
        period: late ? monthDays(late) : null,
      }),
    );
    line.quantity += group.quantity;
    line.netCents += net;
    const entry = byKey(appendix, [group.userNumber, group.userName, group.serviceId].join('|'), () => ({
      userNumber: group.userNumber,
      userName: group.userName,
      serviceId: service.id,
      serviceCode: service.code,
      description: serviceName(service, language),
      quantity: 0,
      netCents: 0,
    }));
    entry.quantity += group.quantity;
    entry.netCents += net;
  }
  const orderedLines = [...lines.values()]
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map(({ sortKey: _, ...line }, index) => ({ position: index + 1, ...line }));
  const orderedAppendix = [...appendix.values()]
    .sort(
      (a, b) =>
        a.userNumber.localeCompare(b.userNumber) ||
        a.userName.localeCompare(b.userName) ||
        a.serviceCode.localeCompare(b.serviceCode),
    )
    .map((entry, index) => ({ position: index + 1, ...entry }));
  return { lines: orderedLines, appendix: orderedAppendix, events, ...totalsOf(orderedLines) };
}
