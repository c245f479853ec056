import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { RequestsTable } from './RequestsTable.tsx';
import { asAttachments, FilesInput } from './support-ui.tsx';

/** C3: the account's support requests, latest activity first, and a new one. */
export function SupportPage() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const focus = useReturnFocus();
  const [opened, setOpened] = useState(false);
  const requests = api.useQuery('get', '/api/v1/accounts/{accountId}/support-requests', {
    params: { path: { accountId: account.id } },
  });
  const items = requests.data?.items ?? [];
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('support.title')}</PageTitle>
        <Button
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => {
            focus.remember();
            setOpened(true);
          }}
        >
          {t('support.new')}
        </Button>
      </Group>
      <Text c="dimmed" size="sm" mb="md">
        {t('support.intro')}
      </Text>
      <ErrorAlert message={requests.error?.message} />
      {requests.isPending && <Loading label={t('support.loading')} />}
      {requests.data && items.length === 0 && <Text size="sm">{t('support.none')}</Text>}
      {items.length > 0 && (
        <RequestsTable
          label={t('support.title')}
          rows={items}
          requestPage="/account/support/$id"
          timeZone={account.timeZone}
        />
      )}
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        returnFocus={false}
        onExitTransitionEnd={focus.returnFocus}
        title={t('support.newTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
        size="lg"
      >
        {opened && <NewRequestForm />}
      </Modal>
    </>
  );
}

interface Values {
  [key: string]: unknown;
  subject: string;
  text: string;
  files: File[];
}

function NewRequestForm() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const required = useRequired();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = api.useMutation('post', '/api/v1/accounts/{accountId}/support-requests');
  const form = useKontorForm<Values>({
    initialValues: { subject: '', text: '', files: [] },
    validate: { subject: required, text: required },
  });
  const send = async (values: Values) => {
    const attachments = await asAttachments(values.files);
    const opened = await open.mutateAsync({
      params: { path: { accountId: account.id } },
      body: { subject: values.subject.trim(), text: values.text, attachments },
    });
    void queryClient.invalidateQueries({
      queryKey: ['get', '/api/v1/accounts/{accountId}/support-requests'],
    });
    notifyDone(t('support.opened', { reference: opened.reference }));
    void navigate({ to: '/account/support/$id', params: { id: opened.id } });
  };
  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <TextInput label={t('support.subject')} required data-autofocus {...form.getInputProps('subject')} />
        <Textarea label={t('support.text')} required autosize minRows={5} {...form.getInputProps('text')} />
        <FilesInput {...form.getInputProps('files')} />
        <Group justify="flex-end">
          <Button type="submit" loading={open.isPending}>
            {t('support.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
