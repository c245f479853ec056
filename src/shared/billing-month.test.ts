import { describe, expect, it } from 'vitest';
import { billingMonthBounds, billingMonthOf, billingMonthState, nextBillingMonth } from './billing-month.ts';

describe('billing months in the account time zone', () => {
  it('puts 23:30 UTC on the last day of January into February in Berlin, and into January in UTC', () => {
    expect(billingMonthOf('2026-01-31T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-02');
    expect(billingMonthOf('2026-01-31T23:30:00.000Z', 'UTC')).toBe('2026-01');
    expect(billingMonthOf('2026-01-31T22:59:59.999Z', 'Europe/Berlin')).toBe('2026-01');
  });

  it('bounds a month by local midnights, across summer time and the year end', () => {
    expect(billingMonthBounds('2026-03', 'Europe/Berlin')).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
    expect(billingMonthBounds('2026-12', 'Europe/Budapest')).toEqual({
      from: '2026-11-30T23:00:00.000Z',
      to: '2026-12-31T23:00:00.000Z',
    });
    expect(nextBillingMonth('2026-12')).toBe('2027-01');
    expect(() => billingMonthBounds('2026-13', 'UTC')).toThrow(RangeError);
  });

  it('is open during the month, in grace for three days after it, then closed', () => {
    const state = (iso: string) => billingMonthState('2026-11', 'Europe/Berlin', new Date(iso));
    expect(state('2026-11-30T22:59:59.000Z')).toBe('open');
    expect(state('2026-11-30T23:00:00.000Z')).toBe('grace');
    expect(state('2026-12-03T22:59:59.000Z')).toBe('grace');
    expect(state('2026-12-03T23:00:00.000Z')).toBe('closed');
  });
});
