// Every call to the Kontor API goes through here: language, JSON and CSRF headers in one place.
import { currentLocale, i18n } from '../i18n/i18n.ts';

export interface ApiErrorDetail {
  field: string;
  code: string;
  message?: string;
}

/** The server's error body `{ code, message, details? }`; message is already in the language we asked for. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const csrfCookieNames = ['__Host-kontor_csrf', 'kontor_csrf'];
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function csrfToken(): string | undefined {
  for (const pair of document.cookie.split(';')) {
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    if (separator > 0 && csrfCookieNames.includes(name))
      return decodeURIComponent(pair.slice(separator + 1).trim());
  }
  return undefined;
}

export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (unsafeMethods.has(method)) {
    // The server sets the cookie on its responses; a first request on a fresh page may need to fetch it.
    const token = csrfToken() ?? (await primeCsrfCookie());
    if (token) headers['X-CSRF-Token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok && payload !== undefined) return payload as T;
  throw toApiError(response.status, payload);
}

async function primeCsrfCookie(): Promise<string | undefined> {
  await fetch('/api/v1/operator/session', { credentials: 'same-origin' }).catch(() => undefined);
  return csrfToken();
}

function toApiError(status: number, payload: unknown): ApiError {
  if (typeof payload === 'object' && payload !== null && 'code' in payload && 'message' in payload) {
    const { code, message, details } = payload as {
      code: string;
      message: string;
      details?: ApiErrorDetail[];
    };
    return new ApiError(status, code, message, Array.isArray(details) ? details : []);
  }
  return new ApiError(status, 'UNEXPECTED_RESPONSE', i18n.t('errors.unexpected', { status }));
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** Any failure of a call as an ApiError, so callers can show `message` and check `status` and `code`. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', String(error));
}

/** Builds a query string from the parameters that are set; empty strings and undefined are left out. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
