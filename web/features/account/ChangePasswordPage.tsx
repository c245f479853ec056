import { Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { NewPasswordFields, usePasswordRules } from '../password/NewPasswordFields.tsx';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user } = useCustomer();
  const queryClient = useQueryClient();
  const required = useRequired();
  const change = api.useMutation('post', '/api/v1/me/password');
  // The same personal data the server checks the new password against.
  const rules = usePasswordRules([user.firstName, user.lastName, user.username, user.email, user.userNumber]);
  const form = useKontorForm({
    initialValues: { currentPassword: '', newPassword: '', newPasswordRepeat: '' },
    validate: {
      currentPassword: required,
      newPassword: rules.password,
      newPasswordRepeat: rules.repeat('newPassword'),
    },
  });

  const send = async ({ currentPassword, newPassword }: typeof form.values) => {
    await change.mutateAsync({ body: { currentPassword, newPassword } });
    form.reset();
    notifyDone(t('changePassword.done'));
    // The other sessions were ended, and the change is in the account's audit log.
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/auth/sessions'] });
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/audit'] });
  };

  return (
    <>
      <PageTitle>{t('changePassword.title')}</PageTitle>
      <Text mb="md">{t('changePassword.intro')}</Text>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
        <Stack maw={480}>
          {/* Lets password managers file the new password under the right user. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <PasswordField
            label={t('changePassword.current')}
            name="currentPassword"
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
            key={form.key('currentPassword')}
            required
          />
          <NewPasswordFields
            rules={rules}
            name="newPassword"
            label={t('changePassword.new')}
            repeatLabel={t('changePassword.repeat')}
            password={form.getInputProps('newPassword')}
            repeat={form.getInputProps('newPasswordRepeat')}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('changePassword.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
