import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { greetingLimit, oneParagraph, useExpressSetupChanged } from './express-setup-data.ts';
import { StepActions, type StepFormProps } from './StepActions.tsx';

interface Values {
  [key: string]: unknown;
  mode: 'default' | 'custom';
  customText: string;
}

/** T1: the company greeting (account-wide) or the user's voicemail greeting: the default, or a text. */
export function GreetingForm({
  kind,
  setup,
  accountId,
  onSaved,
  submitLabel,
  actions,
  readOnly,
}: StepFormProps & { kind: 'company' | 'voicemail' }) {
  const { t } = useTranslation();
  const changed = useExpressSetupChanged();
  const path =
    kind === 'company'
      ? '/api/v1/accounts/{accountId}/express-setup/company-greeting'
      : '/api/v1/accounts/{accountId}/express-setup/voicemail-greeting';
  const save = api.useMutation('put', path);
  const current =
    kind === 'company'
      ? {
          mode: setup.company.greetingMode,
          text: setup.company.customGreeting,
          byDefault: setup.company.defaultGreeting,
        }
      : {
          mode: setup.mine.voicemailMode,
          text: setup.mine.customVoicemailGreeting,
          byDefault: setup.mine.defaultVoicemailGreeting,
        };
  const section = kind === 'company' ? 'expressSetup.companyGreeting' : 'expressSetup.voicemail';
  const form = useKontorForm<Values>({
    initialValues: { mode: current.mode, customText: current.text ?? '' },
    validate: {
      customText: (value, values) =>
        values.mode === 'custom' && oneParagraph(value) === '' ? t('expressSetup.greetingRequired') : null,
    },
  });
  const mode = form.getValues().mode;

  const send = async (values: Values) => {
    const customText = oneParagraph(values.customText);
    await save.mutateAsync({
      params: { path: { accountId } },
      body: { mode: values.mode, customText: customText || null },
    });
    await changed();
    await onSaved();
  };

  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <Text>{t(`${section}.intro`)}</Text>
        <Radio.Group label={t(`${section}.choose`)} {...form.getInputProps('mode')} key={form.key('mode')}>
          <Stack gap="xs" mt="xs">
            <Radio value="default" label={t('expressSetup.useDefault')} disabled={readOnly} />
            <Radio value="custom" label={t('expressSetup.useCustom')} disabled={readOnly} />
          </Stack>
        </Radio.Group>
        <Text size="sm" c="dimmed">
          {t('expressSetup.defaultIs', { text: current.byDefault })}
        </Text>
        {mode === 'custom' && (
          <Textarea
            label={t(`${section}.text`)}
            description={t('expressSetup.greetingLimit', { limit: greetingLimit })}
            maxLength={greetingLimit}
            autosize
            minRows={3}
            required
            readOnly={readOnly}
            {...form.getInputProps('customText')}
            key={form.key('customText')}
          />
        )}
      </Stack>
      <StepActions submitLabel={submitLabel} actions={actions} loading={save.isPending} disabled={readOnly} />
    </form>
  );
}
