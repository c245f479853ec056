import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { type ApiError, asApiError, client } from '../../api/client.ts';

export type LinkCheck =
  | { status: 'missing' }
  | { status: 'checking' }
  | { status: 'valid' }
  | { status: 'invalid'; error: ApiError };

/** The endpoints that tell whether a link can still be used, without using it. */
export type LinkCheckPath =
  | '/api/v1/auth/password-reset/check'
  | '/api/v1/operator/password-reset/check'
  | '/api/v1/operator/invitation/check'
  | '/api/v1/credentials/reveal/check';

const linkErrorCodes = ['LINK_INVALID', 'LINK_USED', 'LINK_EXPIRED'] as const;
type LinkErrorCode = (typeof linkErrorCodes)[number];

export const isLinkError = (error: ApiError): error is ApiError & { code: LinkErrorCode } =>
  (linkErrorCodes as readonly string[]).includes(error.code);

/**
 * The server's message; for the link errors taken from the server's catalog in the interface language, so it
 * follows a language switch without asking again (asking again could find the link used by then).
 */
export function linkErrorMessage(t: TFunction, error: ApiError): string {
  return isLinkError(error) ? t(`errors.${error.code}`, { ns: 'server' }) : error.message;
}

/**
 * Asks `checkPath` whether a link can still be used, without using it. Asked once per page and token, not
 * through the query cache: a cached "valid" would outlive the link, and a refetch on a language switch could
 * take the form away from under the person typing.
 */
export function useLinkCheck(checkPath: LinkCheckPath, token: string | null): LinkCheck {
  const [check, setCheck] = useState<LinkCheck>(token ? { status: 'checking' } : { status: 'missing' });
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    client.POST(checkPath, { body: { token } }).then(
      () => {
        if (!cancelled) setCheck({ status: 'valid' });
      },
      (error: unknown) => {
        if (!cancelled) setCheck({ status: 'invalid', error: asApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [checkPath, token]);
  return check;
}
