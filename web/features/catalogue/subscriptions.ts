import type { QueryClient } from '@tanstack/react-query';
import type { ApiResult } from '../../api/client.ts';

/** Whose subscriptions: the account the session acts in, or (operators) any account. */
export interface SubscriptionsSource {
  accountId: string;
  operator?: boolean;
}

export type Subscription = ApiResult<'/api/v1/accounts/{accountId}/subscriptions'>['items'][number];

/** Everything a booking or an ending shows differently: the lists, the options and the audit logs. */
export const subscriptionsChanged = (queryClient: QueryClient) =>
  Promise.all(
    [
      '/api/v1/accounts/{accountId}/subscriptions',
      '/api/v1/operator/accounts/{accountId}/subscriptions',
      '/api/v1/accounts/{accountId}/audit',
      '/api/v1/operator/audit',
    ].map((path) => queryClient.invalidateQueries({ queryKey: ['get', path] })),
  );
