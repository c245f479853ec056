import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api, asApiError } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';

type Directory = ApiResult<'/api/v1/accounts/{accountId}/directory'>;

/** The directory and the audit log show numbers: both are read again after a change. */
export function numbersChanged(queryClient: QueryClient) {
  for (const path of [
    '/api/v1/accounts/{accountId}/directory',
    '/api/v1/accounts/{accountId}/audit',
  ] as const) {
    void queryClient.invalidateQueries({ queryKey: ['get', path] });
  }
}

/** T2: an admin gives a user an extension and a direct-dial number from the account's block, or takes them. */
export function MemberNumberDialog({
  user,
  opened,
  onClose,
  onExitTransitionEnd,
}: {
  user: { id: string; name: string } | null;
  opened: boolean;
  onClose: () => void;
  onExitTransitionEnd: () => void;
}) {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const directory = api.useQuery(
    'get',
    '/api/v1/accounts/{accountId}/directory',
    { params: { path: { accountId: account.id }, query: {} } },
    { enabled: opened },
  );
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onExitTransitionEnd}
      title={t('numbers.dialogTitle', { name: user?.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {directory.isPending && <Loading />}
      {directory.data && user && !directory.data.block && (
        <Alert color="gray" variant="light">
          {t('numbers.noBlockYet')}
        </Alert>
      )}
      {directory.data?.block && user && (
        <NumberForm
          // A fresh form for each user, filled with what they have now.
          key={user.id}
          accountId={account.id}
          userId={user.id}
          directory={directory.data}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

function NumberForm({
  accountId,
  userId,
  directory,
  onDone,
}: {
  accountId: string;
  userId: string;
  directory: Directory;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const queryClient = useQueryClient();
  const current = directory.items.find((item) => item.userId === userId);
  const block = directory.block;
  const save = api.useMutation('put', '/api/v1/accounts/{accountId}/users/{userId}/number');
  const remove = api.useMutation('delete', '/api/v1/accounts/{accountId}/users/{userId}/number');
  const form = useKontorForm({
    initialValues: {
      extension: current?.extension ?? '',
      directDial: current?.directDialFormatted ?? '',
    },
    validate: { extension: required },
  });
  const path = { params: { path: { accountId, userId } } };

  const send = form.submit(async (values) => {
    const saved = await save.mutateAsync({
      ...path,
      body: { extension: values.extension.trim(), directDial: values.directDial.trim() || null },
    });
    numbersChanged(queryClient);
    notifyDone(t('numbers.assigned', { extension: saved.extension, number: saved.directDialFormatted }));
    onDone();
  });

  const removeNumber = async () => {
    form.clearAlert();
    try {
      await remove.mutateAsync(path);
      numbersChanged(queryClient);
      notifyDone(t('numbers.removed'));
      onDone();
    } catch (error) {
      form.fail(asApiError(error).message);
    }
  };

  return (
    <form ref={form.formRef} onSubmit={send} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        {block && (
          <Text size="sm">
            {t('numbers.blockHint', { prefix: block.prefixFormatted, last: block.lastExtension })}
          </Text>
        )}
        <TextInput
          label={t('numbers.extension')}
          name="extension"
          inputMode="numeric"
          autoComplete="off"
          required
          {...form.getInputProps('extension')}
          key={form.key('extension')}
        />
        <TextInput
          label={t('numbers.directDial')}
          description={t('numbers.directDialHint', { prefix: block?.prefixFormatted ?? '' })}
          name="directDial"
          autoComplete="off"
          {...form.getInputProps('directDial')}
          key={form.key('directDial')}
        />
      </Stack>
      <Group justify="space-between" mt="lg">
        {current?.extension ? (
          <Button variant="light" color="red" onClick={removeNumber} loading={remove.isPending}>
            {t('numbers.remove')}
          </Button>
        ) : (
          <span />
        )}
        <Group>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('numbers.save')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
