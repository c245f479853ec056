import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { supportRequestRoute } from '../../app/router.tsx';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { asAttachments, FilesInput, StateBadge, Thread } from './support-ui.tsx';

const path = '/api/v1/accounts/{accountId}/support-requests/{requestId}' as const;

/** C3: one request with its thread, and the member's reply. */
export function SupportRequestPage() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const { id } = supportRequestRoute.useParams();
  const request = api.useQuery('get', path, { params: { path: { accountId: account.id, requestId: id } } });
  const data = request.data;
  return (
    <>
      <Text size="sm" mb="xs">
        <Link to="/account/support">{t('support.back')}</Link>
      </Text>
      <ErrorAlert message={request.error?.message} />
      {request.isPending && <Loading label={t('support.loading')} />}
      {data && (
        <Stack>
          <PageTitle>{data.subject}</PageTitle>
          <Group gap="sm">
            <Text c="dimmed">{data.reference}</Text>
            <StateBadge state={data.state} />
          </Group>
          <Thread
            messages={data.messages}
            timeZone={account.timeZone}
            attachmentUrl={(attachmentId) =>
              `/api/v1/accounts/${account.id}/support-requests/${id}/attachments/${attachmentId}`
            }
          />
          <ReplyForm requestId={id} />
        </Stack>
      )}
    </>
  );
}

interface Values {
  [key: string]: unknown;
  text: string;
  files: File[];
}

function ReplyForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const required = useRequired();
  const queryClient = useQueryClient();
  const reply = api.useMutation('post', `${path}/messages`);
  const form = useKontorForm<Values>({
    initialValues: { text: '', files: [] },
    validate: { text: required },
  });
  const send = async (values: Values) => {
    const attachments = await asAttachments(values.files);
    const params = { path: { accountId: account.id, requestId } };
    const thread = await reply.mutateAsync({ params, body: { text: values.text, attachments } });
    queryClient.setQueryData(['get', path, { params }], thread);
    void queryClient.invalidateQueries({
      queryKey: ['get', '/api/v1/accounts/{accountId}/support-requests'],
    });
    form.reset();
    notifyDone(t('support.replied'));
  };
  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate aria-labelledby="support-reply">
      <Title order={2} size="h4" id="support-reply" mb="xs">
        {t('support.reply')}
      </Title>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <Textarea label={t('support.text')} required autosize minRows={4} {...form.getInputProps('text')} />
        <FilesInput {...form.getInputProps('files')} />
        <Group justify="flex-end">
          <Button type="submit" loading={reply.isPending}>
            {t('support.sendReply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
