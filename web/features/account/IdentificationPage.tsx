import { Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isSecurityQuestion } from '../../../src/shared/caller-identification.ts';
import { api } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import {
  PinFields,
  SecurityQuestionFields,
  useIdentificationRules,
} from '../activation/IdentificationFields.tsx';

/** S6: the own PIN and security question, changed with the current password; each may stay as it is. */
export function IdentificationPage() {
  const { t } = useTranslation();
  const { user } = useCustomer();
  const queryClient = useQueryClient();
  const required = useRequired();
  const rules = useIdentificationRules();
  const change = api.useMutation('put', '/api/v1/me/identification');
  const form = useKontorForm({
    initialValues: { currentPassword: '', pin: '', pinRepeat: '', securityQuestion: '', securityAnswer: '' },
    validate: {
      currentPassword: required,
      pin: (value, values) =>
        value === '' && values.securityQuestion === ''
          ? t('identification.nothing')
          : value === ''
            ? null
            : rules.pin(value),
      pinRepeat: (value, values) => (values.pin === '' ? null : rules.pinRepeat(value, values)),
      // A question goes with its answer, an answer with its question.
      securityQuestion: (value, values) =>
        value === '' && values.securityAnswer !== '' ? rules.question(value) : null,
      securityAnswer: (value, values) => (values.securityQuestion === '' ? null : rules.answer(value)),
    },
  });

  const send = async (values: typeof form.values) => {
    const question = values.securityQuestion;
    await change.mutateAsync({
      body: {
        currentPassword: values.currentPassword,
        ...(values.pin ? { pin: values.pin } : {}),
        ...(isSecurityQuestion(question) ? { security: { question, answer: values.securityAnswer } } : {}),
      },
    });
    form.reset();
    notifyDone(t('identification.done'));
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/audit'] });
  };

  return (
    <>
      <PageTitle>{t('identification.title')}</PageTitle>
      <Text mb="md">{t('identification.intro')}</Text>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
        <Stack maw={480}>
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <PasswordField
            label={t('identification.currentPassword')}
            name="currentPassword"
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
            key={form.key('currentPassword')}
            required
          />
          <Text size="sm">{t('identification.leaveEmpty')}</Text>
          <PinFields
            pin={form.getInputProps('pin')}
            repeat={form.getInputProps('pinRepeat')}
            labels={{ pin: t('identification.newPin'), repeat: t('identification.newPinRepeat') }}
            required={false}
          />
          <SecurityQuestionFields
            question={form.getInputProps('securityQuestion')}
            answer={form.getInputProps('securityAnswer')}
            required={false}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('identification.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
