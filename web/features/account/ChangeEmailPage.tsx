import { Alert, Button, DataList, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../app/api.ts';
import { type CustomerSession, useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type FieldErrors, useFormErrors } from '../../ui/form-errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';

const fields = ['newEmail', 'currentPassword'] as const;
type Field = (typeof fields)[number];

/** S3: a new e-mail address takes effect once the link sent to it is opened; the old one is told. */
export function ChangeEmailPage({ session }: { session: CustomerSession }) {
  const { t } = useTranslation();
  const { signedOut } = useSession();
  const errors = useFormErrors(fields);
  const { user } = session;
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    const email = newEmail.trim();
    const found: FieldErrors<Field> = {};
    if (email === '') found.newEmail = t('errors.required');
    if (currentPassword === '') found.currentPassword = t('errors.required');
    if (Object.keys(found).length > 0) return errors.show(t('errors.checkFields'), found);
    errors.clear();
    setBusy(true);
    try {
      await api.post('/api/v1/me/email', { currentPassword, newEmail: email });
      setNewEmail('');
      setCurrentPassword('');
      setSentTo(email);
    } catch (error) {
      if (asApiError(error).status === 401) return signedOut();
      errors.showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('changeEmail.title')}</PageTitle>
      <Text mb="md">{t('changeEmail.intro')}</Text>
      <DataList labelWidth={180} mb="lg">
        <DataList.Item>
          <DataList.ItemLabel>{t('changeEmail.current')}</DataList.ItemLabel>
          <DataList.ItemValue>{user.email ?? t('account.noEmail')}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      {sentTo && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('changeEmail.sent', { email: sentTo })}
        </Alert>
      )}
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Stack maw={480}>
          <TextInput
            type="email"
            label={t('changeEmail.new')}
            name="newEmail"
            autoComplete="email"
            value={newEmail}
            onChange={(event) => setNewEmail(event.currentTarget.value)}
            error={errors.fields.newEmail}
            required
          />
          <PasswordField
            label={t('changeEmail.password')}
            name="currentPassword"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={errors.fields.currentPassword}
            required
          />
          <Button type="submit" loading={busy} w="fit-content">
            {t('changeEmail.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
