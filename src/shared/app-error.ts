// Services throw AppError with a stable code; the HTTP layer maps code → status and a localized
// message in exactly one place (http/error-handler.ts). Each feature declares its codes with defineErrors.
const statusByCode = new Map<string, number>();

/** Registers a feature's codes with their HTTP status; returns the codes by name for typed use. */
export function defineErrors<const Catalog extends Record<string, number>>(
  catalog: Catalog,
): { [Code in keyof Catalog]: Code } {
  for (const [code, status] of Object.entries(catalog)) statusByCode.set(code, status);
  return Object.fromEntries(Object.keys(catalog).map((code) => [code, code])) as {
    [Code in keyof Catalog]: Code;
  };
}

export function statusOfCode(code: string): number | undefined {
  return statusByCode.get(code);
}

export function definedErrorCodes(): string[] {
  return [...statusByCode.keys()];
}

export interface ErrorDetail {
  field: string;
  code: string;
  message?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly options: {
      params?: Record<string, string | number>;
      details?: ErrorDetail[];
      /** Sent as Retry-After: how long the caller must wait before trying again. */
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function assertThat(
  condition: unknown,
  code: string,
  params?: Record<string, string | number>,
): asserts condition {
  if (!condition) throw new AppError(code, { params });
}

export const commonErrors = defineErrors({
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  /** Issue 16: the operator's roles do not include the one the change needs. */
  OPERATOR_ROLE_MISSING: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
});
