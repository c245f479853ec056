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
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../app/api.ts';
import { Link, navigate, returnPath, useLocation } from '../../app/router.tsx';
import { type CustomerSession, useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type FieldErrors, useFormErrors } from '../../ui/form-errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { type Identifier, ResendConfirmation } from '../register/ResendConfirmation.tsx';

const fields = ['email', 'customerNumber', 'userNumber', 'password'] as const;
type Field = (typeof fields)[number];
type Method = 'email' | 'number';

/** S1: the customer sign-in, the portal's main entry. */
export function SignInPage() {
  const { t } = useTranslation();
  const { customerSignedIn } = useSession();
  const { state } = useLocation();
  const errors = useFormErrors(fields);
  const [method, setMethod] = useState<Method>('email');
  const [email, setEmail] = useState('');
  const [customerNumber, setCustomerNumber] = useState('');
  const [userNumber, setUserNumber] = useState('');
  const [password, setPassword] = useState('');
  const [staySignedIn, setStaySignedIn] = useState(false);
  const [busy, setBusy] = useState(false);
  // Signed in with the right password, but the address is not yet confirmed: offer the welcome again.
  const [unconfirmed, setUnconfirmed] = useState<Identifier | null>(null);

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    const required = t('errors.required');
    if (method === 'email' && email.trim() === '') found.email = required;
    if (method === 'number') {
      if (customerNumber.trim() === '') found.customerNumber = required;
      if (userNumber.trim() === '') found.userNumber = required;
      else if (!/^\d{7}$/.test(userNumber.trim())) found.userNumber = t('signIn.userNumberFormat');
    }
    if (password === '') found.password = required;
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    if (Object.keys(found).length > 0) return errors.show(t('errors.checkFields'), found);
    errors.clear();
    setBusy(true);
    const identifier =
      method === 'email'
        ? { email: email.trim() }
        : { customerNumber: customerNumber.trim(), userNumber: userNumber.trim() };
    try {
      const session = await api.post<CustomerSession>('/api/v1/auth/sign-in', {
        ...identifier,
        password,
        staySignedIn,
      });
      customerSignedIn(session);
      navigate(returnPath(state, '/account', '/account'));
    } catch (error) {
      setPassword('');
      errors.showApiError(error);
      setUnconfirmed(asApiError(error).code === 'EMAIL_NOT_CONFIRMED' ? identifier : null);
      setBusy(false);
    }
  };

  return (
    <Paper maw={460} mx="auto" p="lg" withBorder>
      <PageTitle>{t('signIn.title')}</PageTitle>
      <Text mb="md">{t('signIn.intro')}</Text>
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      {unconfirmed && <ResendConfirmation key={errors.attempt} identifier={unconfirmed} />}
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            aria-label={t('signIn.method')}
            fullWidth
            value={method}
            onChange={(value) => {
              setMethod(value);
              errors.clear();
            }}
            data={[
              { value: 'email' as const, label: t('signIn.methodEmail') },
              { value: 'number' as const, label: t('signIn.methodNumber') },
            ]}
          />
          {method === 'email' ? (
            <TextInput
              label={t('signIn.email')}
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.fields.email}
              required
            />
          ) : (
            <>
              <TextInput
                label={t('signIn.customerNumber')}
                description={t('signIn.customerNumberHint')}
                name="customerNumber"
                inputMode="numeric"
                value={customerNumber}
                onChange={(event) => setCustomerNumber(event.currentTarget.value)}
                error={errors.fields.customerNumber}
                required
              />
              <TextInput
                label={t('signIn.userNumber')}
                description={t('signIn.userNumberHint')}
                name="userNumber"
                autoComplete="username"
                inputMode="numeric"
                maxLength={9}
                value={userNumber}
                onChange={(event) => setUserNumber(event.currentTarget.value)}
                error={errors.fields.userNumber}
                required
              />
            </>
          )}
          <PasswordField
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.fields.password}
            required
          />
          <Checkbox
            label={t('signIn.staySignedIn')}
            description={t('signIn.staySignedInHint')}
            checked={staySignedIn}
            onChange={(event) => setStaySignedIn(event.currentTarget.checked)}
          />
          <Button type="submit" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Stack gap="xs" mt="md">
        <Anchor component={Link} href="/forgot-password" size="sm">
          {t('signIn.forgotPassword')}
        </Anchor>
        <Text size="sm">
          {t('signIn.noCredentials')}{' '}
          <Anchor component={Link} href="/register" inherit>
            {t('signIn.register')}
          </Anchor>
        </Text>
      </Stack>
      <Divider my="md" />
      <Group justify="flex-end">
        <Anchor component={Link} href="/operator/sign-in" size="xs">
          {t('signIn.staffSignIn')}
        </Anchor>
      </Group>
    </Paper>
  );
}
