import {
  Anchor,
  Button,
  Checkbox,
  Divider,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  useMatches,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../api/client.ts';
import { useReturnPath } from '../../app/router.tsx';
import { type CustomerSession, useSession } from '../../app/session.tsx';
import { pathAfterSignIn } from '../../app/use-switch-account.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { type Identifier, ResendConfirmation } from '../register/ResendConfirmation.tsx';
import { SecondStepPage } from '../two-factor/SecondStep.tsx';

type Method = 'email' | 'number';
const isMethod = (value: string): value is Method => value === 'email' || value === 'number';

/** S1: the customer sign-in, the portal's main entry. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { customerSignedIn } = useSession();
  const returnPath = useReturnPath('/account', '/account');
  const required = useRequired();
  const signIn = api.useMutation('post', '/api/v1/auth/sign-in');
  const passSecondStep = api.useMutation('post', '/api/v1/auth/sign-in/two-factor');
  const startEnrolment = api.useMutation('post', '/api/v1/auth/sign-in/two-factor/enrolment');
  const confirmEnrolment = api.useMutation('post', '/api/v1/auth/sign-in/two-factor/enrolment/confirm');
  // S8: the password was right, and a second factor (or its set-up) must follow before the session.
  const [second, setSecond] = useState<{ challenge: string; step: 'code' | 'enrol' } | null>(null);
  // Signed in with the right password, but the address is not yet confirmed: offer the welcome again.
  const [unconfirmed, setUnconfirmed] = useState<Identifier | null>(null);
  // Side by side the two choices do not fit a phone in German ("E-Mail-Adresse", "Kundennummer"): stacked there.
  const orientation = useMatches<'vertical' | 'horizontal'>(
    { base: 'vertical', xs: 'horizontal' },
    { getInitialValueInEffect: false },
  );
  const form = useKontorForm({
    initialValues: {
      method: 'email' as Method,
      email: '',
      customerNumber: '',
      userNumber: '',
      password: '',
      staySignedIn: false,
    },
    // Only the fields of the chosen method are asked for.
    validate: {
      email: (value, values) => (values.method === 'email' ? required(value) : null),
      customerNumber: (value, values) => (values.method === 'number' ? required(value) : null),
      userNumber: (value, values) => {
        if (values.method !== 'number') return null;
        if (value.trim() === '') return t('errors.required');
        return /^\d{7}$/.test(value.trim()) ? null : t('signIn.userNumberFormat');
      },
      password: required,
    },
  });
  const { method } = form.getValues();

  const chooseMethod = (value: string) => {
    if (!isMethod(value)) return;
    form.setFieldValue('method', value);
    form.clearErrors();
    form.clearAlert();
  };

  const enter = async (session: CustomerSession) => {
    customerSignedIn(session);
    await navigate({ href: pathAfterSignIn(session, returnPath, '/account'), state: { signedIn: true } });
  };
  /** The challenge ended (too old, too many wrong codes): back to the password, saying why. */
  const restart = (message: string) => {
    setSecond(null);
    form.setFieldValue('password', '');
    form.fail(message);
  };

  const send = form.submit(async (values) => {
    const identifier: Identifier =
      values.method === 'email'
        ? { email: values.email.trim() }
        : { customerNumber: values.customerNumber.trim(), userNumber: values.userNumber.trim() };
    try {
      const result = await signIn.mutateAsync({
        body: { ...identifier, password: values.password, staySignedIn: values.staySignedIn },
      });
      if ('challenge' in result) {
        setSecond({ challenge: result.challenge, step: result.step });
        return;
      }
      await enter(result);
    } catch (error) {
      form.setFieldValue('password', '');
      setUnconfirmed(asApiError(error).code === 'EMAIL_NOT_CONFIRMED' ? identifier : null);
      throw error; // shown by the form
    }
  });

  if (second) {
    const { challenge } = second;
    return (
      <SecondStepPage
        step={second.step}
        restart={restart}
        pass={(answer) => passSecondStep.mutateAsync({ body: { challenge, ...answer } })}
        start={() => startEnrolment.mutateAsync({ body: { challenge } })}
        confirm={async (code) => {
          const { recoveryCodes, ...session } = await confirmEnrolment.mutateAsync({
            body: { challenge, code },
          });
          return { signed: session, recoveryCodes };
        }}
        enter={enter}
      />
    );
  }

  return (
    <Paper maw={460} mx="auto" p="lg" withBorder>
      <PageTitle>{t('signIn.title')}</PageTitle>
      <Text mb="md">{t('signIn.intro')}</Text>
      <FormErrorAlert alert={form.alert} />
      {unconfirmed && <ResendConfirmation key={form.alert.attempt} identifier={unconfirmed} />}
      <form ref={form.formRef} onSubmit={send} noValidate>
        <Stack>
          <SegmentedControl
            aria-label={t('signIn.method')}
            fullWidth
            orientation={orientation}
            value={method}
            onChange={chooseMethod}
            data={[
              { value: 'email', label: t('signIn.methodEmail') },
              { value: 'number', label: t('signIn.methodNumber') },
            ]}
          />
          {method === 'email' ? (
            <TextInput
              label={t('signIn.email')}
              type="email"
              name="email"
              autoComplete="username"
              {...form.getInputProps('email')}
              key={form.key('email')}
              required
            />
          ) : (
            <>
              <TextInput
                label={t('signIn.customerNumber')}
                description={t('signIn.customerNumberHint')}
                name="customerNumber"
                inputMode="numeric"
                {...form.getInputProps('customerNumber')}
                key={form.key('customerNumber')}
                required
              />
              <TextInput
                label={t('signIn.userNumber')}
                description={t('signIn.userNumberHint')}
                name="userNumber"
                autoComplete="username"
                inputMode="numeric"
                maxLength={9}
                {...form.getInputProps('userNumber')}
                key={form.key('userNumber')}
                required
              />
            </>
          )}
          <PasswordField
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            {...form.getInputProps('password')}
            key={form.key('password')}
            required
          />
          <Checkbox
            label={t('signIn.staySignedIn')}
            description={t('signIn.staySignedInHint')}
            {...form.getInputProps('staySignedIn', { type: 'checkbox' })}
            key={form.key('staySignedIn')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Stack gap="xs" mt="md">
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('signIn.forgotPassword')}
        </Anchor>
        <Anchor component={Link} to="/credentials-request" size="sm">
          {t('signIn.requestCredentials')}
        </Anchor>
        <Text size="sm">
          {t('signIn.noCredentials')}{' '}
          <Anchor component={Link} to="/register" inherit>
            {t('signIn.register')}
          </Anchor>
        </Text>
      </Stack>
      <Divider my="md" />
      <Group justify="space-between">
        {/* The client of a remote-support session needs no account: the number from the phone is enough. */}
        <Anchor component={Link} to="/support" size="xs">
          {t('remoteSupport.signInLink')}
        </Anchor>
        <Anchor component={Link} to="/operator/sign-in" size="xs">
          {t('signIn.staffSignIn')}
        </Anchor>
      </Group>
    </Paper>
  );
}
