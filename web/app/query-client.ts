// The one QueryClient of the web app: how reads retry, when they are fresh, and what a 401 means.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { asApiError } from '../api/client.ts';
import { i18n } from '../i18n/i18n.ts';
import { sessionEnded, sessionKey } from './session.tsx';

/** The session guards' 401 (not a failed sign-in's): whoever was signed in is not any more. */
function endsSession(error: unknown): boolean {
  const apiError = asApiError(error);
  return apiError.status === 401 && apiError.code === 'UNAUTHENTICATED';
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== sessionKey[0] && endsSession(error)) sessionEnded(queryClient);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (endsSession(error)) sessionEnded(queryClient);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refused request (4xx) stays refused; only a lost connection or a server error is tried again.
      retry: (failures, error) => {
        const { status } = asApiError(error);
        return (status === 0 || status >= 500) && failures < 2;
      },
    },
    mutations: { retry: false },
  },
});

// Server messages are written in the language asked for: a switch refetches everything shown.
i18n.on('languageChanged', () => {
  void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
});
