import type { QueryClient } from '@tanstack/react-query';

/** The queries a change to the account's users affects: the list (with its seats), activations, the audit log. */
export const usersChanged = (queryClient: QueryClient, inOperatorArea = false) =>
  Promise.all([
    ...(inOperatorArea
      ? [
          '/api/v1/operator/accounts/{accountId}/users',
          '/api/v1/operator/accounts/{accountId}/activations',
          '/api/v1/operator/audit',
        ].map((path) => queryClient.invalidateQueries({ queryKey: ['get', path] }))
      : []),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/users'] }),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/activations'] }),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/audit'] }),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/guests'] }),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/invitations'] }),
  ]);
