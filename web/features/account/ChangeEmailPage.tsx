import { Alert, Button, DataList, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';

/** S3: a new e-mail address takes effect once the link sent to it is opened; the old one is told. */
export function ChangeEmailPage() {
  const { t } = useTranslation();
  const { user } = useCustomer();
  const required = useRequired();
  const change = api.useMutation('post', '/api/v1/me/email');
  const form = useKontorForm({
    initialValues: { newEmail: '', currentPassword: '' },
    validate: { newEmail: required, currentPassword: required },
  });
  // The page's result ("we sent a link to …") stays on the page until the next attempt; nothing changed yet.
  const [sentTo, setSentTo] = useState<string | null>(null);

  const send = async ({ newEmail, currentPassword }: typeof form.values) => {
    const email = newEmail.trim();
    await change.mutateAsync({ body: { currentPassword, newEmail: email } });
    form.reset();
    setSentTo(email);
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
      <FormErrorAlert alert={form.alert} />
      <form
        ref={form.formRef}
        onSubmit={(event) => {
          setSentTo(null);
          form.submit(send)(event);
        }}
        noValidate
      >
        <Stack maw={480}>
          <TextInput
            type="email"
            label={t('changeEmail.new')}
            name="newEmail"
            autoComplete="email"
            {...form.getInputProps('newEmail')}
            key={form.key('newEmail')}
            required
          />
          <PasswordField
            label={t('changeEmail.password')}
            name="currentPassword"
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
            key={form.key('currentPassword')}
            required
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('changeEmail.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
