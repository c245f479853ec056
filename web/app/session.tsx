import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { changeLocale, currentLocale, isLocale } from '../i18n/i18n.ts';
import { ApiError, api } from './api.ts';

export interface Operator {
  id: string;
  name: string;
  email: string;
  locale: string;
}

export type Role = 'owner' | 'admin' | 'member';

/** GET /api/v1/auth/session: the signed-in user, the account they act in, and their other accounts. */
export interface CustomerSession {
  user: {
    id: string;
    userNumber: string;
    username: string;
    salutation: string | null;
    title: string | null;
    firstName: string;
    lastName: string;
    email: string | null;
    locale: string | null;
  };
  account: { id: string; customerNumber: string; name: string; role: Role };
  memberships: { accountId: string; customerNumber: string; name: string; role: string }[];
}

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut';

interface SessionContextValue {
  status: SessionStatus;
  /** Set when an operator is signed in (the operator area). */
  operator: Operator | null;
  /** Set when a customer account's user is signed in (the account area). */
  customer: CustomerSession | null;
  operatorSignedIn: (operator: Operator) => void;
  customerSignedIn: (session: CustomerSession) => void;
  /** The signed-in user's own data changed (e.g. PATCH /api/v1/me answered with the new values). */
  customerUserChanged: (changes: Partial<CustomerSession['user']>) => void;
  /**
   * Asks the server again who is signed in: a suspended account, an ended session or a changed role shows
   * on the next page. Only a 401 signs out; a network failure keeps the session as it is.
   */
  recheckCustomer: () => Promise<void>;
  /** Forget the session locally, e.g. when the server answered 401 because it expired. */
  signedOut: () => void;
  /** Ends the session on the server; resolves to the sign-in page that fits whoever was signed in. */
  signOut: () => Promise<string>;
}

type State =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; operator: Operator; customer?: undefined }
  | { status: 'signedIn'; customer: CustomerSession; operator?: undefined };

const SessionContext = createContext<SessionContextValue | null>(null);

/** null for "nobody of this kind is signed in" (401); other failures are logged and count as signed out. */
async function current<T>(path: string): Promise<T | null> {
  try {
    return await api.get<T>(path);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) console.warn('Session check failed', error);
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    // One session cookie serves either kind; at most one of the two answers 200.
    void Promise.all([
      current<CustomerSession>('/api/v1/auth/session'),
      current<{ operator: Operator }>('/api/v1/operator/session'),
    ]).then(([customer, operator]) => {
      if (cancelled) return;
      if (customer) setState({ status: 'signedIn', customer });
      else if (operator) setState({ status: 'signedIn', operator: operator.operator });
      else setState({ status: 'signedOut' });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const operatorSignedIn = useCallback(
    (operator: Operator) => setState({ status: 'signedIn', operator }),
    [],
  );
  const customerSignedIn = useCallback(
    (customer: CustomerSession) => setState({ status: 'signedIn', customer }),
    [],
  );
  const customerUserChanged = useCallback(
    (changes: Partial<CustomerSession['user']>) =>
      setState((current) =>
        current.status === 'signedIn' && current.customer
          ? { ...current, customer: { ...current.customer, user: { ...current.customer.user, ...changes } } }
          : current,
      ),
    [],
  );
  const signedOut = useCallback(() => setState({ status: 'signedOut' }), []);
  const recheckCustomer = useCallback(async () => {
    try {
      const customer = await api.get<CustomerSession>('/api/v1/auth/session');
      setState((current) =>
        current.status === 'signedIn' && JSON.stringify(current.customer) === JSON.stringify(customer)
          ? current
          : { status: 'signedIn', customer },
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ status: 'signedOut' });
    }
  }, []);

  // Once per signed-in user, the interface takes the language stored for them, which the server uses for its
  // messages and e-mails; the header's switcher changes both together from then on.
  const adoptedLocaleOf = useRef<string | null>(null);
  const customerUser = state.status === 'signedIn' ? state.customer?.user : undefined;
  useEffect(() => {
    if (!customerUser || adoptedLocaleOf.current === customerUser.id) return;
    adoptedLocaleOf.current = customerUser.id;
    if (isLocale(customerUser.locale) && customerUser.locale !== currentLocale()) {
      void changeLocale(customerUser.locale);
    }
  }, [customerUser]);
  const isOperator = state.status === 'signedIn' && state.operator !== undefined;
  const signOut = useCallback(async () => {
    const path = isOperator ? '/api/v1/operator/sign-out' : '/api/v1/auth/sign-out';
    await api.post(path).catch((error: unknown) => {
      if (!(error instanceof ApiError) || error.status !== 401) throw error; // 401: already signed out
    });
    signedOut();
    return isOperator ? '/operator/sign-in' : '/sign-in';
  }, [isOperator, signedOut]);

  const value = useMemo(
    () => ({
      status: state.status,
      operator: state.status === 'signedIn' ? (state.operator ?? null) : null,
      customer: state.status === 'signedIn' ? (state.customer ?? null) : null,
      operatorSignedIn,
      customerSignedIn,
      customerUserChanged,
      recheckCustomer,
      signedOut,
      signOut,
    }),
    [state, operatorSignedIn, customerSignedIn, customerUserChanged, recheckCustomer, signedOut, signOut],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider>');
  return value;
}
