// Customers and operators reset forgotten passwords the same way, each through their own endpoints and pages.
interface PasswordAreaPaths {
  request: '/api/v1/auth/password-reset' | '/api/v1/operator/password-reset';
  check: '/api/v1/auth/password-reset/check' | '/api/v1/operator/password-reset/check';
  complete: '/api/v1/auth/password-reset/complete' | '/api/v1/operator/password-reset/complete';
  /** Route paths, so `<Link to>` and `navigate({ to })` check them. */
  forgot: '/forgot-password' | '/operator/forgot-password';
  signIn: '/sign-in' | '/operator/sign-in';
}

export const passwordAreas = {
  customer: {
    request: '/api/v1/auth/password-reset',
    check: '/api/v1/auth/password-reset/check',
    complete: '/api/v1/auth/password-reset/complete',
    forgot: '/forgot-password',
    signIn: '/sign-in',
  },
  operator: {
    request: '/api/v1/operator/password-reset',
    check: '/api/v1/operator/password-reset/check',
    complete: '/api/v1/operator/password-reset/complete',
    forgot: '/operator/forgot-password',
    signIn: '/operator/sign-in',
  },
} as const satisfies Record<string, PasswordAreaPaths>;

export type PasswordArea = keyof typeof passwordAreas;
