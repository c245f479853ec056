import { Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { clientKinds, defaultClientKind, useExpressSetupChanged } from './express-setup-data.ts';
import { StepActions, type StepFormProps } from './StepActions.tsx';

interface Values {
  [key: string]: unknown;
  kind: (typeof clientKinds)[number];
}

/** T1: how the user will use the service: the desktop app, the mobile app or the browser. */
export function ClientForm({ setup, accountId, onSaved, submitLabel, actions }: StepFormProps) {
  const { t } = useTranslation();
  const changed = useExpressSetupChanged();
  const save = api.useMutation('put', '/api/v1/accounts/{accountId}/express-setup/client');
  const form = useKontorForm<Values>({ initialValues: { kind: setup.mine.clientKind ?? defaultClientKind } });

  const send = async (values: Values) => {
    await save.mutateAsync({ params: { path: { accountId } }, body: { kind: values.kind } });
    await changed();
    await onSaved();
  };

  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <Text>{t('expressSetup.client.intro')}</Text>
        <Radio.Group
          label={t('expressSetup.client.choose')}
          {...form.getInputProps('kind')}
          key={form.key('kind')}
        >
          <Stack gap="xs" mt="xs">
            {clientKinds.map((kind) => (
              <Radio key={kind} value={kind} label={t(`expressSetup.client.kinds.${kind}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm" c="dimmed">
          {t('expressSetup.client.defaultIs')}
        </Text>
        <Text size="sm">{t('expressSetup.client.hint')}</Text>
      </Stack>
      <StepActions submitLabel={submitLabel} actions={actions} loading={save.isPending} />
    </form>
  );
}
