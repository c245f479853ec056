import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { displayName } from '../../ui/display-name.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { useExpressSetupChanged } from './express-setup-data.ts';
import { StepActions, type StepFormProps } from './StepActions.tsx';

interface Values {
  [key: string]: unknown;
  userId: string;
}

/** T1: the account's user who takes the calls to the main number; by default the owner. */
export function OperatorForm({ setup, accountId, onSaved, submitLabel, actions, readOnly }: StepFormProps) {
  const { t } = useTranslation();
  const required = useRequired();
  const changed = useExpressSetupChanged();
  const save = api.useMutation('put', '/api/v1/accounts/{accountId}/express-setup/operator');
  const users = api.useQuery('get', '/api/v1/accounts/{accountId}/users', {
    params: { path: { accountId }, query: { page: 1, pageSize: 100 } },
  });
  const form = useKontorForm<Values>({
    initialValues: { userId: setup.company.operator.userId },
    validate: { userId: required },
  });
  const options = (users.data?.items ?? []).map((user) => ({ value: user.id, label: displayName(user) }));
  // The current operator is offered even before the list has loaded.
  if (!options.some((option) => option.value === setup.company.operator.userId)) {
    options.unshift({ value: setup.company.operator.userId, label: setup.company.operator.name });
  }

  const send = async (values: Values) => {
    await save.mutateAsync({ params: { path: { accountId } }, body: { userId: values.userId } });
    await changed();
    await onSaved();
  };

  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <Text>{t('expressSetup.operator.intro')}</Text>
        <Select
          label={t('expressSetup.operator.user')}
          data={options}
          searchable
          allowDeselect={false}
          required
          readOnly={readOnly}
          {...form.getInputProps('userId')}
          key={form.key('userId')}
        />
        <Text size="sm" c="dimmed">
          {t('expressSetup.operator.defaultIs')}
        </Text>
      </Stack>
      <StepActions submitLabel={submitLabel} actions={actions} loading={save.isPending} disabled={readOnly} />
    </form>
  );
}
