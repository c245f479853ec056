import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api.ts';
import { useSession } from './session.tsx';

export type ApiGetState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'done'; data: T; error?: undefined }
  | { status: 'failed'; data?: undefined; error: ApiError };

/**
 * Loads `path` and reloads it when the language changes, so server messages follow the language.
 * A 401 means the session ended: the session is dropped and the operator area redirects to sign-in.
 */
export function useApiGet<T>(path: string): ApiGetState<T> & { reload: () => void } {
  const { i18n } = useTranslation();
  const { signedOut } = useSession();
  const [state, setState] = useState<ApiGetState<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: language and version are reload triggers
  useEffect(() => {
    let cancelled = false;
    api
      .get<T>(path)
      .then((data) => {
        if (!cancelled) setState({ status: 'done', data });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', String(error));
        if (apiError.status === 401) signedOut();
        setState({ status: 'failed', error: apiError });
      });
    return () => {
      cancelled = true;
    };
  }, [path, i18n.language, version, signedOut]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { ...state, reload };
}
