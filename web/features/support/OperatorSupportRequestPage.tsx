import { Button, Card, Grid, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { operatorSupportRequestRoute } from '../../app/router.tsx';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { accountStatusLabel } from '../operator/accounts.ts';
import {
  asAttachments,
  FilesInput,
  StateBadge,
  type SupportState,
  supportStates,
  Thread,
} from './support-ui.tsx';

const path = '/api/v1/operator/support-requests/{requestId}' as const;

/** C3: one request for the operator: its thread, its account beside it, the answer and the state. */
export function OperatorSupportRequestPage() {
  const { t } = useTranslation();
  const { id } = operatorSupportRequestRoute.useParams();
  const queryClient = useQueryClient();
  const params = { path: { requestId: id } };
  const request = api.useQuery('get', path, { params });
  const changeState = api.useMutation('put', `${path}/state`);
  const data = request.data;
  const stateOptions = supportStates.map((value) => ({ value, label: t(`support.states.${value}`) }));
  return (
    <>
      <Text size="sm" mb="xs">
        <Link to="/operator/support">{t('support.operator.back')}</Link>
      </Text>
      <ErrorAlert message={request.error?.message ?? changeState.error?.message} />
      {request.isPending && <Loading label={t('support.loading')} />}
      {data && (
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack>
              <PageTitle>{data.subject}</PageTitle>
              <Group gap="sm">
                <Text c="dimmed">{data.reference}</Text>
                <StateBadge state={data.state} />
                <Text size="sm" c="dimmed">
                  {data.requesterName} &lt;{data.requesterEmail}&gt;
                </Text>
              </Group>
              <Thread
                messages={data.messages}
                attachmentUrl={(attachmentId) =>
                  `/api/v1/operator/support-requests/${id}/attachments/${attachmentId}`
                }
              />
              <AnswerForm requestId={id} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack>
              <Card withBorder component="section" aria-labelledby="support-account">
                <Title order={2} size="h4" id="support-account" mb="xs">
                  {t('support.operator.accountCard')}
                </Title>
                <Text fw={600}>{data.account.name}</Text>
                <Text size="sm">{data.account.customerNumber}</Text>
                <Text size="sm" mb="xs">
                  {t('support.operator.status')}: {accountStatusLabel(t, data.account.status)}
                </Text>
                <Text size="sm">
                  <Link to="/operator/accounts/$id" params={{ id: data.account.id }}>
                    {t('support.operator.openAccount')}
                  </Link>
                </Text>
              </Card>
              <Select
                label={t('support.operator.changeState')}
                data={stateOptions}
                value={data.state}
                allowDeselect={false}
                onChange={async (value) => {
                  if (!value) return;
                  const changed = await changeState.mutateAsync({
                    params,
                    body: { state: value as SupportState },
                  });
                  queryClient.setQueryData(['get', path, { params }], changed);
                  notifyDone(t('support.operator.stateChanged'));
                }}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}

interface Values {
  [key: string]: unknown;
  text: string;
  files: File[];
  state: SupportState;
}

function AnswerForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const required = useRequired();
  const queryClient = useQueryClient();
  const answer = api.useMutation('post', `${path}/answers`);
  const form = useKontorForm<Values>({
    initialValues: { text: '', files: [], state: 'waiting_for_customer' },
    validate: { text: required },
  });
  const send = async (values: Values) => {
    const attachments = await asAttachments(values.files);
    const params = { path: { requestId } };
    const thread = await answer.mutateAsync({
      params,
      body: { text: values.text, attachments, state: values.state },
    });
    queryClient.setQueryData(['get', path, { params }], thread);
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/support-requests'] });
    form.reset();
    notifyDone(t('support.operator.answered'));
  };
  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate aria-labelledby="support-answer">
      <Title order={2} size="h4" id="support-answer" mb="xs">
        {t('support.operator.answer')}
      </Title>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <Textarea label={t('support.text')} required autosize minRows={4} {...form.getInputProps('text')} />
        <FilesInput {...form.getInputProps('files')} />
        <Select
          label={t('support.operator.answerState')}
          data={supportStates.map((value) => ({ value, label: t(`support.states.${value}`) }))}
          allowDeselect={false}
          {...form.getInputProps('state')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={answer.isPending}>
            {t('support.operator.sendAnswer')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
