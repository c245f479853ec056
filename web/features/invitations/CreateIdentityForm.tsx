import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CustomerSession } from '../../app/session.tsx';
import { currentLocale } from '../../i18n/i18n.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PersonNameFields } from '../../ui/PersonNameFields.tsx';
import { salutationValue } from '../../ui/salutation.ts';
import { NewPasswordFields, usePasswordRules } from '../password/NewPasswordFields.tsx';

/**
 * M1: someone without a Kontor login accepts with a personal identity: a name and a password for the
 * invited address. It belongs to no account of its own and uses no seat.
 */
export function CreateIdentityForm({
  token,
  email,
  onJoined,
}: {
  token: string;
  email: string;
  onJoined: (session: CustomerSession) => Promise<void>;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const register = api.useMutation('post', '/api/v1/invitations/register');
  const form = useKontorForm({
    initialValues: {
      salutation: '',
      title: '',
      firstName: '',
      lastName: '',
      password: '',
      passwordRepeat: '',
    },
    validate: {
      firstName: required,
      lastName: required,
      password: (value) => rules.password(value),
      passwordRepeat: (value, values) => rules.repeat('password')(value, values),
    },
  });
  const values = form.getValues();
  const rules = usePasswordRules([values.firstName, values.lastName, email]);

  const send = form.submit(async (typed) => {
    const session = await register.mutateAsync({
      body: {
        token,
        salutation: salutationValue(typed.salutation),
        title: typed.title.trim() || null,
        firstName: typed.firstName.trim(),
        lastName: typed.lastName.trim(),
        password: typed.password,
        locale: currentLocale(),
      },
    });
    await onJoined(session);
  });

  return (
    <section aria-labelledby="create-identity-title">
      <Title order={2} size="h4" id="create-identity-title" mb="xs">
        {t('invitation.createIdentity')}
      </Title>
      <Text size="sm" mb="md">
        {t('invitation.createIdentityIntro', { email })}
      </Text>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={send} noValidate>
        <Stack>
          <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
          <PersonNameFields form={form} />
          <NewPasswordFields
            rules={rules}
            label={t('register.password')}
            repeatLabel={t('password.repeat')}
            password={form.getInputProps('password')}
            repeat={form.getInputProps('passwordRepeat')}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('invitation.createAndAccept')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
