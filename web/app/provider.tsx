// Who runs this portal (GET /api/v1/provider): its name in the header, its address, support contact and
// legal notice in the footer of every page. Read once; the operators' settings page puts changes in.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type ApiResult, api } from '../api/client.ts';

export type ProviderIdentity = ApiResult<'/api/v1/provider'>;

const providerQuery = api.queryOptions(
  'get',
  '/api/v1/provider',
  {},
  { staleTime: Number.POSITIVE_INFINITY },
);

export function useProvider() {
  const queryClient = useQueryClient();
  // Without it the pages still work; only the footer stays empty.
  const { data } = useQuery(providerQuery);
  const providerChanged = useCallback(
    (changed: ProviderIdentity) => queryClient.setQueryData(providerQuery.queryKey, changed),
    [queryClient],
  );
  return { provider: data ?? null, providerChanged };
}

/** The logo's path on this origin whatever PUBLIC_URL says, so the CSP's img-src 'self' allows it. */
export function logoPath(provider: ProviderIdentity | null): string | null {
  if (!provider?.logoUrl) return null;
  const url = new URL(provider.logoUrl);
  return url.pathname + url.search;
}
