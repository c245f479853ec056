import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { Link, navigate, returnPath, useLocation } from '../../app/router.tsx';
import { type Operator, useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormErrors } from '../../ui/form-errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';

const fields = ['email', 'password'] as const;

/** What the set-up page hands over (in history state, never in the URL). */
export interface OperatorSignInState {
  email?: string;
  setupDone?: boolean;
}

export function OperatorSignInPage() {
  const { t } = useTranslation();
  const { state } = useLocation();
  const handedOver = (state ?? {}) as OperatorSignInState;
  const { operatorSignedIn } = useSession();
  const errors = useFormErrors(fields);
  const [email, setEmail] = useState(handedOver.email ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = Object.fromEntries(
      Object.entries({ email, password })
        .filter(([, value]) => value.trim() === '')
        .map(([field]) => [field, t('errors.required')]),
    );
    if (Object.keys(missing).length > 0) return errors.show(t('errors.checkFields'), missing);
    errors.clear();
    setBusy(true);
    try {
      const result = await api.post<{ operator: Operator }>('/api/v1/operator/sign-in', { email, password });
      operatorSignedIn(result.operator);
      navigate(returnPath(state, '/operator', '/operator/accounts'));
    } catch (error) {
      setPassword('');
      errors.showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper maw={420} mx="auto" p="lg" withBorder>
      <PageTitle>{t('operatorSignIn.title')}</PageTitle>
      {handedOver.setupDone && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('setup.done')}
        </Alert>
      )}
      <Text mb="md">{t('operatorSignIn.intro')}</Text>
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('operatorSignIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.fields.email}
            required
          />
          <PasswordField
            label={t('operatorSignIn.password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.fields.password}
            required
          />
          <Button type="submit" loading={busy}>
            {t('operatorSignIn.submit')}
          </Button>
        </Stack>
      </form>
      <Stack gap="xs" mt="md">
        <Anchor component={Link} href="/operator/forgot-password" size="sm">
          {t('signIn.forgotPassword')}
        </Anchor>
        <Anchor component={Link} href="/sign-in" size="sm">
          {t('operatorSignIn.customerSignIn')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
