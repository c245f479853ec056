import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useDeferredValue, useMemo, useState } from 'react';
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
 * A new password and its repetition. `context` is the person's own data (name, username, e-mail…) that the
 * password must not be built from, as the server checks it.
 */
export function useNewPassword(context: (string | null | undefined)[]) {
  const policy = usePasswordPolicy();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const typed = useDeferredValue(password);
  const contextKey = JSON.stringify(context);

  const check = useMemo(() => {
    const words = JSON.parse(contextKey) as string[];
    return (value: string) => (policy ? policy.checkPassword(value, words) : lengthProblem(value));
  }, [policy, contextKey]);
  const problem = useMemo(() => (typed === '' ? null : check(typed)), [typed, check]);

  /** Field errors before sending; an empty object when the password may go to the server. */
  const validate = (t: TFunction): { password?: string; repeat?: string } => {
    const found: { password?: string; repeat?: string } = {};
    const current = check(password);
    if (password === '') found.password = t('errors.required');
    else if (current) found.password = passwordProblemMessage(t, current);
    if (repeat !== password) found.repeat = t('password.mismatch');
    return found;
  };
  const reset = () => {
    setPassword('');
    setRepeat('');
  };

  return {
    password,
    setPassword,
    repeat,
    setRepeat,
    /** What the live feedback says about what was typed so far. */
    feedback: { typed, problem, checked: policy !== null },
    validate,
    reset,
  };
}

export type NewPassword = ReturnType<typeof useNewPassword>;

export function NewPasswordFields({
  state,
  label,
  repeatLabel,
  name = 'password',
  errors,
}: {
  state: NewPassword;
  label: string;
  repeatLabel: string;
  name?: string;
  errors: { password?: string; repeat?: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={label}
        name={name}
        autoComplete="new-password"
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        value={state.password}
        onChange={(event) => state.setPassword(event.currentTarget.value)}
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
              c={state.feedback.problem ? 'red.9' : 'teal.9'}
            >
              {liveFeedback(t, state.feedback)}
            </Text>
          </>
        }
        error={errors.password}
        required
      />
      <PasswordField
        label={repeatLabel}
        name={`${name}Repeat`}
        autoComplete="new-password"
        value={state.repeat}
        onChange={(event) => state.setRepeat(event.currentTarget.value)}
        error={errors.repeat}
        required
      />
    </>
  );
}

function liveFeedback(t: TFunction, feedback: NewPassword['feedback']): string {
  const { typed, problem, checked } = feedback;
  if (typed === '') return '';
  if (problem?.code === 'PASSWORD_TOO_SHORT')
    return t('password.tooShortHint', { count: passwordMinLength - characters(typed) });
  if (problem) return passwordProblemMessage(t, problem);
  return checked ? t('password.accepted') : '';
}
