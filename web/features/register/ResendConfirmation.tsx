import { Alert, Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormErrors } from '../../ui/form-errors.ts';

export type Identifier = { email: string } | { customerNumber: string; userNumber: string };

const fields = ['email'] as const;

/**
 * "Send the confirmation e-mail again": for the identifier the person just signed in with, or for an address
 * they type. The answer is the same whatever the address, so the notice promises nothing.
 */
export function ResendConfirmation({
  identifier,
  initialEmail = '',
}: {
  identifier?: Identifier;
  initialEmail?: string;
}) {
  const { t } = useTranslation();
  const errors = useFormErrors(fields);
  const [email, setEmail] = useState(initialEmail);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!identifier && email.trim() === '')
      return errors.show(t('errors.checkFields'), { email: t('errors.required') });
    errors.clear();
    setBusy(true);
    try {
      await api.post('/api/v1/auth/resend-confirmation', identifier ?? { email: email.trim() });
      setSent(true);
    } catch (error) {
      errors.showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <Alert color="green" variant="light" role="status" mb="md">
        {t('resendConfirmation.sent')}
      </Alert>
    );
  }
  return (
    <>
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Group align="flex-end" mb="md">
          {!identifier && (
            <TextInput
              label={t('resendConfirmation.email')}
              type="email"
              name="email"
              autoComplete="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.fields.email}
              flex={1}
            />
          )}
          <Button type="submit" variant={identifier ? 'light' : 'filled'} loading={busy}>
            {t('resendConfirmation.submit')}
          </Button>
        </Group>
      </form>
    </>
  );
}
