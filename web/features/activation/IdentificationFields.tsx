// S4: the PIN and the security question with their rules under each field while typing. The rules are the
// server's own module (src/shared/caller-identification.ts), so both sides say the same.
import { NativeSelect, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useCallback, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AnswerProblemCode,
  answerMaxLength,
  checkAnswer,
  checkPin,
  type PinProblemCode,
  pinMaxLength,
  securityQuestions,
} from '../../../src/shared/caller-identification.ts';
import { PasswordField } from '../../ui/PasswordField.tsx';

/** Form validators from the shared rules, with the server's messages. */
export function useIdentificationRules() {
  const { t } = useTranslation();
  const message = useCallback(
    (code: PinProblemCode | AnswerProblemCode) => t(`errors.${code}`, { ns: 'server' }),
    [t],
  );
  return {
    pin: useCallback(
      (value: string) => {
        if (value === '') return t('errors.required');
        const problem = checkPin(value);
        return problem ? message(problem) : null;
      },
      [t, message],
    ),
    pinRepeat: useCallback(
      (value: string, values: Record<string, unknown>) =>
        value !== values.pin ? t('activation.pinMismatch') : null,
      [t],
    ),
    question: useCallback((value: string) => (value === '' ? t('activation.chooseQuestion') : null), [t]),
    answer: useCallback(
      (value: string) => {
        if (value.trim() === '') return t('errors.required');
        const problem = checkAnswer(value);
        return problem ? message(problem) : null;
      },
      [t, message],
    ),
  };
}

/** A live line under a field: the first broken rule, or that the value is fine; quiet while the field shows its error. */
function LiveRule({ problem, fine, hidden }: { problem: string | null; fine: string; hidden: boolean }) {
  return (
    <Text span display="block" inherit mt={2} fw={500} aria-live="polite" c={problem ? 'red.9' : 'teal.9'}>
      {hidden ? '' : (problem ?? fine)}
    </Text>
  );
}

export function PinFields({
  pin,
  repeat,
  labels,
  required = true,
}: {
  pin: GetInputPropsReturnType;
  repeat: GetInputPropsReturnType;
  labels?: { pin: string; repeat: string };
  required?: boolean;
}) {
  const { t } = useTranslation();
  const typed = useDeferredValue(String(pin.value ?? ''));
  const problem = typed === '' ? null : checkPin(typed);
  return (
    <>
      <PasswordField
        {...pin}
        label={labels?.pin ?? t('activation.pin')}
        name="pin"
        inputMode="numeric"
        autoComplete="off"
        maxLength={pinMaxLength}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        description={
          <>
            {t('activation.pinRule')}{' '}
            <LiveRule
              problem={problem ? t(`errors.${problem}`, { ns: 'server' }) : null}
              fine={typed === '' ? '' : t('activation.pinAccepted')}
              hidden={Boolean(pin.error)}
            />
          </>
        }
        required={required}
      />
      <PasswordField
        {...repeat}
        label={labels?.repeat ?? t('activation.pinRepeat')}
        name="pinRepeat"
        inputMode="numeric"
        autoComplete="off"
        maxLength={pinMaxLength}
        required={required}
      />
    </>
  );
}

export function SecurityQuestionFields({
  question,
  answer,
  required = true,
}: {
  question: GetInputPropsReturnType;
  answer: GetInputPropsReturnType;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const typed = useDeferredValue(String(answer.value ?? ''));
  const problem = typed === '' ? null : checkAnswer(typed);
  return (
    <>
      <NativeSelect
        {...question}
        label={t('activation.question')}
        description={t('activation.questionHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        name="securityQuestion"
        data={[
          { value: '', label: t('activation.chooseQuestion') },
          ...securityQuestions.map((key) => ({ value: key, label: t(`securityQuestions.${key}`) })),
        ]}
        required={required}
      />
      <TextInput
        {...answer}
        label={t('activation.answer')}
        name="securityAnswer"
        autoComplete="off"
        maxLength={answerMaxLength * 2}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        description={
          <>
            {t('activation.answerRule')}{' '}
            <LiveRule
              problem={problem ? t(`errors.${problem}`, { ns: 'server' }) : null}
              fine={typed === '' ? '' : t('activation.answerAccepted')}
              hidden={Boolean(answer.error)}
            />
          </>
        }
        required={required}
      />
    </>
  );
}
