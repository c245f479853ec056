// The sign-in's second step (S8), for customers and operators: the app's code or a recovery code, or, when
// the account demands a second factor the person has not set up, the enrolment first.
import { Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { CodeInput } from './CodeInput.tsx';
import { type Enrolment, EnrolmentSteps } from './EnrolmentSteps.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';

/** Refusals after which only the password starts a new attempt. */
const ending = new Set(['TWO_FACTOR_CHALLENGE_INVALID', 'TWO_FACTOR_TOO_MANY_TRIES']);

/** Runs `call`; an ended challenge goes back to the password step with the server's message. */
async function guarded<T>(call: () => Promise<T>, restart: (message: string) => void): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const apiError = asApiError(error);
    if (ending.has(apiError.code)) restart(apiError.message);
    throw error;
  }
}

export function CodeStep({
  pass,
  restart,
}: {
  pass: (answer: { code: string } | { recoveryCode: string }) => Promise<unknown>;
  restart: (message: string) => void;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const [recovery, setRecovery] = useState(false);
  const form = useKontorForm({
    initialValues: { code: '', recoveryCode: '' },
    validate: {
      code: (value) => (recovery ? null : required(value)),
      recoveryCode: (value) => (recovery ? required(value) : null),
    },
  });
  const send = form.submit(async ({ code, recoveryCode }) => {
    try {
      await guarded(
        () => pass(recovery ? { recoveryCode: recoveryCode.trim() } : { code: code.trim() }),
        restart,
      );
    } catch (error) {
      form.setValues({ code: '', recoveryCode: '' });
      throw error;
    }
  });
  const toggle = () => {
    setRecovery((current) => !current);
    form.clearErrors();
    form.clearAlert();
  };
  return (
    <Stack gap="md">
      <Text>{t(recovery ? 'twoFactor.stepRecoveryIntro' : 'twoFactor.stepIntro')}</Text>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={send} noValidate>
        <Stack gap="sm">
          {recovery ? (
            <TextInput
              label={t('twoFactor.recoveryLabel')}
              name="recoveryCode"
              autoComplete="off"
              ff="monospace"
              {...form.getInputProps('recoveryCode')}
              key={form.key('recoveryCode')}
              required
            />
          ) : (
            <CodeInput
              label={t('twoFactor.codeLabel')}
              description={t('twoFactor.codeHint')}
              {...form.getInputProps('code')}
              key={form.key('code')}
              required
            />
          )}
          <Button type="submit" loading={form.submitting}>
            {t('twoFactor.submit')}
          </Button>
        </Stack>
      </form>
      <Button variant="subtle" size="compact-sm" onClick={toggle} w="fit-content">
        {t(recovery ? 'twoFactor.useCode' : 'twoFactor.useRecovery')}
      </Button>
    </Stack>
  );
}

/** The account (or, for operators, the provider) demands a second factor: set up the app, store the codes, go on. */
export function EnrolStep({
  start,
  confirm,
  restart,
  finish,
  operator = false,
}: {
  operator?: boolean;
  start: () => Promise<Enrolment>;
  /** Confirms the first code; answers the recovery codes (the session has started then). */
  confirm: (code: string) => Promise<string[]>;
  restart: (message: string) => void;
  finish: () => void;
}) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const begin = async () => {
    setStarting(true);
    setProblem(null);
    try {
      setEnrolment(await guarded(start, restart));
    } catch (error) {
      setProblem(asApiError(error).message);
    } finally {
      setStarting(false);
    }
  };
  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        onDone={finish}
        doneLabel={t(operator ? 'twoFactor.continueOperator' : 'twoFactor.continue')}
      />
    );
  return (
    <Stack gap="md">
      <Text>{t(operator ? 'twoFactor.enrolRequiredOperator' : 'twoFactor.enrolRequired')}</Text>
      {problem && (
        <Text c="red" role="alert">
          {problem}
        </Text>
      )}
      {enrolment ? (
        <EnrolmentSteps
          enrolment={enrolment}
          confirm={async (code) => setCodes(await guarded(() => confirm(code), restart))}
        />
      ) : (
        <Button onClick={begin} loading={starting} w="fit-content">
          {t('twoFactor.start')}
        </Button>
      )}
    </Stack>
  );
}

/**
 * The whole page between password and session, for customers and operators alike: `Signed` is what a
 * sign-in answers (a customer's session, an operator).
 */
export function SecondStepPage<Signed>({
  step,
  operator = false,
  restart,
  pass,
  start,
  confirm,
  enter,
}: {
  step: 'code' | 'enrol';
  operator?: boolean;
  restart: (message: string) => void;
  pass: (answer: { code: string } | { recoveryCode: string }) => Promise<Signed>;
  start: () => Promise<Enrolment>;
  /** Confirms the new app's first code: the session has started, the recovery codes are shown next. */
  confirm: (code: string) => Promise<{ signed: Signed; recoveryCodes: string[] }>;
  enter: (signed: Signed) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [enrolled, setEnrolled] = useState<Signed | null>(null);
  return (
    <Paper maw={460} mx="auto" p="lg" withBorder>
      <PageTitle>{t(step === 'code' ? 'twoFactor.stepTitle' : 'twoFactor.enrolTitle')}</PageTitle>
      {step === 'code' ? (
        <CodeStep restart={restart} pass={async (answer) => enter(await pass(answer))} />
      ) : (
        <EnrolStep
          operator={operator}
          restart={restart}
          start={start}
          confirm={async (code) => {
            const { signed, recoveryCodes } = await confirm(code);
            setEnrolled(signed);
            return recoveryCodes;
          }}
          finish={() => void (enrolled && enter(enrolled))}
        />
      )}
    </Paper>
  );
}
