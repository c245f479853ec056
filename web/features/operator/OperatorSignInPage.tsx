import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useReturnPath } from '../../app/router.tsx';
import { type Operator, useSession } from '../../app/session.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { SecondStepPage } from '../two-factor/SecondStep.tsx';

export function OperatorSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Handed over by the set-up page (history state, never the URL).
  const handedEmail = useRouterState({ select: (state) => state.location.state.email });
  const setupDone = useRouterState({ select: (state) => state.location.state.setupDone === true });
  const invitationAccepted = useRouterState({
    select: (state) => state.location.state.invitationAccepted === true,
  });
  const next = useReturnPath('/operator', '/operator/accounts');
  const { operatorSignedIn } = useSession();
  const required = useRequired();
  const form = useKontorForm({
    initialValues: { email: handedEmail ?? '', password: '' },
    validate: { email: required, password: required },
  });
  const signIn = api.useMutation('post', '/api/v1/operator/sign-in');
  const passSecondStep = api.useMutation('post', '/api/v1/operator/sign-in/two-factor');
  const startEnrolment = api.useMutation('post', '/api/v1/operator/sign-in/two-factor/enrolment');
  const confirmEnrolment = api.useMutation('post', '/api/v1/operator/sign-in/two-factor/enrolment/confirm');
  // S8: the password was right, and the app's code (or, when the provider requires it, its set-up) follows.
  const [second, setSecond] = useState<{ challenge: string; step: 'code' | 'enrol' } | null>(null);

  const enter = async (operator: Operator) => {
    operatorSignedIn(operator);
    // `next` may carry a query string, so it goes as a whole href.
    await navigate({ href: next });
  };
  const restart = (message: string) => {
    setSecond(null);
    form.setFieldValue('password', '');
    form.fail(message);
  };

  const submit = form.submit(async (values) => {
    try {
      const result = await signIn.mutateAsync({ body: values });
      if ('challenge' in result) setSecond({ challenge: result.challenge, step: result.step });
      else await enter(result.operator);
    } catch (error) {
      form.setFieldValue('password', '');
      throw error;
    }
  });

  if (second) {
    const { challenge } = second;
    return (
      <SecondStepPage
        step={second.step}
        operator
        restart={restart}
        pass={async (answer) =>
          (await passSecondStep.mutateAsync({ body: { challenge, ...answer } })).operator
        }
        start={() => startEnrolment.mutateAsync({ body: { challenge } })}
        confirm={async (code) => {
          const { recoveryCodes, operator } = await confirmEnrolment.mutateAsync({
            body: { challenge, code },
          });
          return { signed: operator, recoveryCodes };
        }}
        enter={enter}
      />
    );
  }

  return (
    <Paper maw={420} mx="auto" p="lg" withBorder>
      <PageTitle>{t('operatorSignIn.title')}</PageTitle>
      {(setupDone || invitationAccepted) && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t(setupDone ? 'setup.done' : 'operatorInvitation.done')}
        </Alert>
      )}
      <Text mb="md">{t('operatorSignIn.intro')}</Text>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            {...form.getInputProps('email')}
            key={form.key('email')}
            label={t('operatorSignIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
          />
          <PasswordField
            {...form.getInputProps('password')}
            key={form.key('password')}
            label={t('operatorSignIn.password')}
            name="password"
            autoComplete="current-password"
            required
          />
          <Button type="submit" loading={form.submitting}>
            {t('operatorSignIn.submit')}
          </Button>
        </Stack>
      </form>
      <Stack gap="xs" mt="md">
        <Anchor component={Link} to="/operator/forgot-password" size="sm">
          {t('signIn.forgotPassword')}
        </Anchor>
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('operatorSignIn.customerSignIn')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
