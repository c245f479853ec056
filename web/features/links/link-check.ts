import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../app/api.ts';

export type LinkCheck =
  | { status: 'missing' }
  | { status: 'checking' }
  | { status: 'valid' }
  | { status: 'invalid'; error: ApiError };

const linkErrorCodes = ['LINK_INVALID', 'LINK_USED', 'LINK_EXPIRED'] as const;
type LinkErrorCode = (typeof linkErrorCodes)[number];

export const isLinkError = (error: ApiError): error is ApiError & { code: LinkErrorCode } =>
  (linkErrorCodes as readonly string[]).includes(error.code);

export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', String(error));

/**
 * The server's message; for the link errors taken from the server's catalog in the interface language, so it
 * follows a language switch without asking again (asking again could find the link used by then).
 */
export function linkErrorMessage(t: TFunction, error: ApiError): string {
  return isLinkError(error) ? t(`errors.${error.code}`, { ns: 'server' }) : error.message;
}

/** Asks `checkPath` whether a link can still be used, without using it. */
export function useLinkCheck(checkPath: string, token: string | null): LinkCheck {
  const [check, setCheck] = useState<LinkCheck>(token ? { status: 'checking' } : { status: 'missing' });
  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    api.post<{ valid: boolean }>(checkPath, { token }).then(
      () => {
        if (!cancelled) setCheck({ status: 'valid' });
      },
      (error: unknown) => {
        if (!cancelled) setCheck({ status: 'invalid', error: toApiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [checkPath, token]);
  return check;
}
