import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api } from './api.ts';

export interface Operator {
  id: string;
  name: string;
  email: string;
  locale: string;
}

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut';

interface SessionContextValue {
  status: SessionStatus;
  operator: Operator | null;
  signedIn: (operator: Operator) => void;
  /** Forget the session locally, e.g. when the server answered 401 because it expired. */
  signedOut: () => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [operator, setOperator] = useState<Operator | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');

  useEffect(() => {
    let cancelled = false;
    api
      .get<{ operator: Operator }>('/api/v1/operator/session')
      .then((result) => {
        if (cancelled) return;
        setOperator(result.operator);
        setStatus('signedIn');
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (!(error instanceof ApiError) || error.status !== 401) console.warn('Session check failed', error);
        setStatus('signedOut');
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const signedIn = useCallback((next: Operator) => {
    setOperator(next);
    setStatus('signedIn');
  }, []);
  const signedOut = useCallback(() => {
    setOperator(null);
    setStatus('signedOut');
  }, []);
  const signOut = useCallback(async () => {
    await api.post('/api/v1/operator/sign-out').catch((error: unknown) => {
      if (!(error instanceof ApiError) || error.status !== 401) throw error; // 401: already signed out
    });
    signedOut();
  }, [signedOut]);

  const value = useMemo(
    () => ({ status, operator, signedIn, signedOut, signOut }),
    [status, operator, signedIn, signedOut, signOut],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider>');
  return value;
}
