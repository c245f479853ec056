import { Text } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useCallback, useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { type PasswordProblem, passwordProblemMessage, usePasswordPolicy } from './password-policy.ts';
import { passwordLength as characters, passwordMaxLength, passwordMinLength } from './password-rules.ts';

/** Length alone, for the moment before the policy has loaded. */
function lengthProblem(password: string): PasswordProblem | null {
  const length = characters(password);
  if (length < passwordMinLength) return { code: 'PASSWORD_TOO_SHORT', params: { min: passwordMinLength } };
  if (length > passwordMaxLength) return { code: 'PASSWORD_TOO_LONG', params: { max: passwordMaxLength } };
  return null;
}

/**
 * The server's password rules as form validators. `context` is the person's own data (name, username,
 * e-mail…) that the password must not be built from, as the server checks it.
 */
export function usePasswordRules(context: (string | null | undefined)[]) {
  const { t } = useTranslation();
  const policy = usePasswordPolicy();
  const contextKey = JSON.stringify(context);
  const check = useMemo(() => {
    const words = (JSON.parse(contextKey) as (string | null)[]).filter((word): word is string => !!word);
    return (value: string) => (policy ? policy.checkPassword(value, words) : lengthProblem(value));
  }, [policy, contextKey]);

  const password = useCallback(
    (value: string) => {
      if (value === '') return t('errors.required');
      const problem = check(value);
      return problem ? passwordProblemMessage(t, problem) : null;
    },
    [check, t],
  );
  /** The repetition must equal the password in `field`. */
  const repeat = useCallback(
    (field: string) => (value: string, values: Record<string, unknown>) =>
      value !== values[field] ? t('password.mismatch') : null,
    [t],
  );
  return { check, checked: policy !== null, password, repeat };
}

export type PasswordRules = ReturnType<typeof usePasswordRules>;

/** A new password with live feedback on the rules while typing, and its repetition. */
export function NewPasswordFields({
  rules,
  label,
  repeatLabel,
  name = 'password',
  password,
  repeat,
}: {
  rules: PasswordRules;
  label: string;
  repeatLabel: string;
  name?: string;
  password: GetInputPropsReturnType;
  repeat: GetInputPropsReturnType;
}) {
  const { t } = useTranslation();
  const typed = useDeferredValue(String(password.value ?? ''));
  const problem = typed === '' ? null : rules.check(typed);
  // Once the field shows its error, the live line is quiet: the same reason is not said twice.
  const feedback = password.error ? '' : liveFeedback(t, typed, problem, rules.checked);
  return (
    <>
      <PasswordField
        {...password}
        label={label}
        name={name}
        autoComplete="new-password"
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        description={
          <>
            {t('password.rule')}{' '}
            <Text
              span
              display="block"
              inherit
              mt={2}
              fw={500}
              aria-live="polite"
              c={problem ? 'red.9' : 'teal.9'}
            >
              {feedback}
            </Text>
          </>
        }
        required
      />
      <PasswordField
        {...repeat}
        label={repeatLabel}
        name={`${name}Repeat`}
        autoComplete="new-password"
        required
      />
    </>
  );
}

function liveFeedback(
  t: TFunction,
  typed: string,
  problem: PasswordProblem | null,
  checked: boolean,
): string {
  if (typed === '') return '';
  if (problem?.code === 'PASSWORD_TOO_SHORT')
    return t('password.tooShortHint', { count: passwordMinLength - characters(typed) });
  if (problem) return passwordProblemMessage(t, problem);
  return checked ? t('password.accepted') : '';
}
