// The server's password policy (S6), run in the browser as the user types. It brings zxcvbn's dictionaries
// (a few MB), so it is loaded on demand into its own chunk; until it is there, the server still decides.
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import type { PasswordProblem } from '../../../src/shared/password-policy.ts';

export type { PasswordProblem };

type PasswordPolicy = typeof import('../../../src/shared/password-policy.ts');

let loading: Promise<PasswordPolicy> | undefined;

function loadPasswordPolicy(): Promise<PasswordPolicy> {
  loading ??= import('../../../src/shared/password-policy.ts').catch((error: unknown) => {
    loading = undefined; // e.g. offline for a moment: the next form tries again
    throw error;
  });
  return loading;
}

/** The policy once loaded, else null. */
export function usePasswordPolicy(): PasswordPolicy | null {
  const [policy, setPolicy] = useState<PasswordPolicy | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadPasswordPolicy().then(
      (loaded) => {
        if (!cancelled) setPolicy(loaded);
      },
      (error: unknown) => console.warn('The password policy could not be loaded', error),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return policy;
}

/** The reason in the interface language; the texts are the server's, so both sides say the same. */
export function passwordProblemMessage(t: TFunction, problem: PasswordProblem): string {
  switch (problem.code) {
    case 'PASSWORD_TOO_SHORT':
      return t('errors.PASSWORD_TOO_SHORT', { ns: 'server', min: problem.params.min });
    case 'PASSWORD_TOO_LONG':
      return t('errors.PASSWORD_TOO_LONG', { ns: 'server', max: problem.params.max });
    default:
      return t(`errors.${problem.code}`, { ns: 'server' });
  }
}
