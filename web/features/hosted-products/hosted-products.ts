import type { QueryClient } from '@tanstack/react-query';
import type { ApiResult } from '../../api/client.ts';

export type HostedProduct = ApiResult<'/api/v1/accounts/{accountId}/hosted-products'>['items'][number];

export const stateColors = { active: 'green', suspended: 'orange', ended: 'gray' } as const;

/** "15 Jan 2026": a calendar date, the same day wherever the reader is. */
export const formatDay = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

export function hostedProductsChanged(queryClient: QueryClient) {
  for (const path of [
    '/api/v1/operator/accounts/{accountId}/hosted-products',
    '/api/v1/operator/audit',
  ] as const) {
    void queryClient.invalidateQueries({ queryKey: ['get', path] });
  }
}
