// Who is signed in, kept in the query cache under ['session']: one session cookie serves either kind, so at
// most one of customer and operator is set. Sign-in pages put the answer in, a 401 anywhere takes it out.
import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { type ApiResult, asApiError, client } from '../api/client.ts';
import { changeLocale, currentLocale, isLocale } from '../i18n/i18n.ts';

export type CustomerSession = ApiResult<'/api/v1/auth/session'>;
export type Operator = ApiResult<'/api/v1/operator/session'>['operator'];

export interface SignedIn {
  customer: CustomerSession | null;
  operator: Operator | null;
}

export const sessionKey = ['session'] as const;
const nobody: SignedIn = { customer: null, operator: null };

/** null when nobody of this kind is signed in (401); any other failure is thrown, so the cache keeps what it had. */
async function orNobody<T>(request: Promise<{ data?: T }>): Promise<T | null> {
  try {
    return (await request).data ?? null;
  } catch (error) {
    if (asApiError(error).status === 401) return null;
    throw error;
  }
}

export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async (): Promise<SignedIn> => {
    const [customer, operator] = await Promise.all([
      orNobody(client.GET('/api/v1/auth/session')),
      orNobody(client.GET('/api/v1/operator/session')),
    ]);
    return { customer, operator: operator?.operator ?? null };
  },
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});

/** The session as the guards need it: the cached one, or asked for; a failed check counts as nobody. */
export async function loadSession(queryClient: QueryClient, { fresh = false } = {}): Promise<SignedIn> {
  const load = fresh
    ? queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 })
    : queryClient.ensureQueryData(sessionQuery);
  return load.catch(() => queryClient.getQueryData(sessionKey) ?? nobody);
}

/** Forget the session and everything read with it, so the next person signing in sees none of it. */
export function sessionEnded(queryClient: QueryClient): void {
  queryClient.setQueryData(sessionKey, nobody);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut';

export function useSession() {
  const queryClient = useQueryClient();
  const { data, isPending } = useQuery(sessionQuery);
  const signed = data ?? nobody;
  const status: SessionStatus = isPending
    ? 'loading'
    : signed.customer || signed.operator
      ? 'signedIn'
      : 'signedOut';

  const set = useCallback((next: SignedIn) => queryClient.setQueryData(sessionKey, next), [queryClient]);
  const operatorSignedIn = useCallback((operator: Operator) => set({ customer: null, operator }), [set]);
  const customerSignedIn = useCallback(
    (customer: CustomerSession) => set({ customer, operator: null }),
    [set],
  );
  /** The signed-in user's own data changed (e.g. PATCH /api/v1/me answered with the new values). */
  const customerUserChanged = useCallback(
    (changes: Partial<CustomerSession['user']>) =>
      queryClient.setQueryData<SignedIn>(sessionKey, (current) =>
        current?.customer
          ? { ...current, customer: { ...current.customer, user: { ...current.customer.user, ...changes } } }
          : current,
      ),
    [queryClient],
  );
  /** Asks the server again: a changed role or an ended session shows at once; a network failure changes nothing. */
  const recheck = useCallback(() => loadSession(queryClient, { fresh: true }), [queryClient]);
  const signedOut = useCallback(() => sessionEnded(queryClient), [queryClient]);
  const isOperator = signed.operator !== null;
  /** Ends the session on the server; resolves to the sign-in page that fits whoever was signed in. */
  const signOut = useCallback(async () => {
    const request = isOperator
      ? client.POST('/api/v1/operator/sign-out')
      : client.POST('/api/v1/auth/sign-out');
    await request.catch((error: unknown) => {
      if (asApiError(error).status !== 401) throw error; // 401: already signed out
    });
    signedOut();
    return isOperator ? ('/operator/sign-in' as const) : ('/sign-in' as const);
  }, [isOperator, signedOut]);

  return useMemo(
    () => ({
      status,
      customer: signed.customer,
      operator: signed.operator,
      operatorSignedIn,
      customerSignedIn,
      customerUserChanged,
      recheck,
      signedOut,
      signOut,
    }),
    [status, signed, operatorSignedIn, customerSignedIn, customerUserChanged, recheck, signedOut, signOut],
  );
}

/**
 * Once per signed-in user or operator, the interface takes the language stored for them, which the server uses for its
 * messages and e-mails; the header's switcher changes both together from then on.
 */
export function useAdoptUserLocale(): void {
  const { customer, operator } = useSession();
  const adoptedFor = useRef<string | null>(null);
  const person = customer?.user ?? operator;
  useEffect(() => {
    if (!person || adoptedFor.current === person.id) return;
    adoptedFor.current = person.id;
    if (isLocale(person.locale) && person.locale !== currentLocale()) void changeLocale(person.locale);
  }, [person]);
}

/** The signed-in customer session, for pages of the customer area (its guard lets nobody else in). */
export function useCustomer(): CustomerSession {
  const { customer } = useSession();
  if (!customer) throw new Error('useCustomer is for pages of the customer area');
  return customer;
}
