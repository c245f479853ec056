import { Alert, Button, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import { type CustomerSession, useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type FieldErrors, useFormErrors } from '../../ui/form-errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { NewPasswordFields, useNewPassword } from '../password/NewPasswordFields.tsx';

const fields = ['currentPassword', 'newPassword', 'newPasswordRepeat'] as const;
type Field = (typeof fields)[number];

export function ChangePasswordPage({ session }: { session: CustomerSession }) {
  const { t } = useTranslation();
  const { signedOut } = useSession();
  const errors = useFormErrors(fields);
  const { user } = session;
  // The same personal data the server checks the new password against.
  const newPassword = useNewPassword([
    user.firstName,
    user.lastName,
    user.username,
    user.email,
    user.userNumber,
  ]);
  const [currentPassword, setCurrentPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found: FieldErrors<Field> = {};
    if (currentPassword === '') found.currentPassword = t('errors.required');
    const problems = newPassword.validate(t);
    if (problems.password) found.newPassword = problems.password;
    if (problems.repeat) found.newPasswordRepeat = problems.repeat;
    if (Object.keys(found).length > 0) return errors.show(t('errors.checkFields'), found);
    errors.clear();
    setBusy(true);
    try {
      await api.post('/api/v1/me/password', { currentPassword, newPassword: newPassword.password });
      setCurrentPassword('');
      newPassword.reset();
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return signedOut();
      errors.showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('changePassword.title')}</PageTitle>
      <Text mb="md">{t('changePassword.intro')}</Text>
      {done && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('changePassword.done')}
        </Alert>
      )}
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Stack maw={480}>
          {/* Lets password managers file the new password under the right user. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <PasswordField
            label={t('changePassword.current')}
            name="currentPassword"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={errors.fields.currentPassword}
            required
          />
          <NewPasswordFields
            state={newPassword}
            name="newPassword"
            label={t('changePassword.new')}
            repeatLabel={t('changePassword.repeat')}
            errors={{ password: errors.fields.newPassword, repeat: errors.fields.newPasswordRepeat }}
          />
          <Button type="submit" loading={busy} w="fit-content">
            {t('changePassword.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
