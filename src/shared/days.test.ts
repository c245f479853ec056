import { expect, it } from 'vitest';
import { dayRange } from './days.ts';

it('covers whole days in the given time zone, winter and summer time alike', () => {
  expect(dayRange('Europe/Berlin', '2026-12-01', '2026-12-31')).toEqual({
    from: '2026-11-30T23:00:00.000Z',
    to: '2026-12-31T23:00:00.000Z',
  });
  expect(dayRange('Europe/Budapest', '2026-07-01', '2026-07-01')).toEqual({
    from: '2026-06-30T22:00:00.000Z',
    to: '2026-07-01T22:00:00.000Z',
  });
  expect(dayRange('UTC', undefined, '2026-02-28')).toEqual({
    from: undefined,
    to: '2026-03-01T00:00:00.000Z',
  });
});
