import { useEffect, useState } from 'react';
import { type ApiError, api } from '../../app/api.ts';
import { takeLinkToken } from '../../app/link-token.ts';
import { toApiError } from './link-check.ts';

export type LinkConfirmation<Result> =
  | { status: 'missing' }
  | { status: 'working' }
  | { status: 'confirmed'; result: Result }
  | { status: 'failed'; error: ApiError };

// Confirming uses the link up: one request per token while it runs, even when React runs the effect
// twice. Once answered, opening the link again asks again (and learns that it has been used).
const confirmations = new Map<string, Promise<unknown>>();

function confirmOnce<Result>(path: string, token: string): Promise<Result> {
  const key = `${path}#${token}`;
  let confirmation = confirmations.get(key);
  if (!confirmation) {
    confirmation = api.post<Result>(path, { token });
    confirmations.set(key, confirmation);
    const forget = () => confirmations.delete(key);
    confirmation.then(forget, forget);
  }
  return confirmation as Promise<Result>;
}

/** Reads the link's token from the address (and removes it there), then posts it to `path` once. */
export function useLinkConfirmation<Result>(path: string): LinkConfirmation<Result> {
  const [token] = useState(takeLinkToken);
  const [state, setState] = useState<LinkConfirmation<Result>>(
    token ? { status: 'working' } : { status: 'missing' },
  );

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    confirmOnce<Result>(path, token).then(
      (result) => {
        if (!cancelled) setState({ status: 'confirmed', result });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', error: toApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, token]);

  return state;
}
