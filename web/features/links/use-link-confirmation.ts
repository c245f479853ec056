import { useEffect, useState } from 'react';
import { type ApiError, type ApiResult, asApiError, client } from '../../api/client.ts';
import { takeLinkToken } from '../../app/link-token.ts';

/** The endpoints that use a link up as soon as it is opened. */
export type ConfirmationPath =
  | '/api/v1/auth/confirm-email'
  | '/api/v1/auth/confirm-email-change'
  | '/api/v1/auth/portal-link';

export type LinkConfirmation<Result> =
  | { status: 'missing' }
  | { status: 'working' }
  | { status: 'confirmed'; result: Result }
  | { status: 'failed'; error: ApiError };

// Confirming uses the link up: one request per token while it runs, even when React runs the effect
// twice. Once answered, opening the link again asks again (and learns that it has been used).
const confirmations = new Map<string, Promise<unknown>>();

function confirmOnce<Path extends ConfirmationPath>(
  path: Path,
  token: string,
): Promise<ApiResult<Path, 'post'>> {
  const key = `${path}#${token}`;
  let confirmation = confirmations.get(key);
  if (!confirmation) {
    // Widened to the union: openapi-fetch types a call per path, not per type parameter.
    const anyPath: ConfirmationPath = path;
    confirmation = client.POST(anyPath, { body: { token } }).then(({ data }) => data);
    confirmations.set(key, confirmation);
    const forget = () => confirmations.delete(key);
    confirmation.then(forget, forget);
  }
  return confirmation as Promise<ApiResult<Path, 'post'>>;
}

/** Reads the link's token from the address (and removes it there), then posts it to `path` once. */
export function useLinkConfirmation<Path extends ConfirmationPath>(
  path: Path,
): LinkConfirmation<ApiResult<Path, 'post'>> {
  const [token] = useState(takeLinkToken);
  const [state, setState] = useState<LinkConfirmation<ApiResult<Path, 'post'>>>(
    token ? { status: 'working' } : { status: 'missing' },
  );

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    confirmOnce(path, token).then(
      (result) => {
        if (!cancelled) setState({ status: 'confirmed', result });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', error: asApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, token]);

  return state;
}
