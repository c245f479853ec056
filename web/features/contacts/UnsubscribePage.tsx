import { Alert, Button, Paper, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

/**
 * C2: where a contact's "unsubscribe" link leads. Opening it changes nothing (link scanners open links);
 * the button does, as the one-click POST of a mail program would.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const link = useParams({ strict: false }) as { contactId: string; category: string; signature: string };
  const preview = api.useQuery('get', '/api/v1/unsubscribe/{contactId}/{category}/{signature}', {
    params: { path: link as never },
  });
  const unsubscribe = api.useMutation('post', '/api/v1/unsubscribe/{contactId}/{category}/{signature}');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    try {
      await unsubscribe.mutateAsync({ params: { path: link as never } });
      setDone(true);
    } catch (caught) {
      setError(asApiError(caught).message);
    }
  };
  const data = preview.data;
  const category = data ? t(`notifications.categories.${data.category}`) : '';
  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('unsubscribe.title')}</PageTitle>
      {preview.isPending && <Loading label={t('unsubscribe.loading')} />}
      <ErrorAlert message={preview.error ? t('unsubscribe.invalid') : error} />
      {data && (done || !data.subscribed) && (
        <Alert color="green" variant="light" role="status">
          {t('unsubscribe.done', { email: data.email, category, companyName: data.companyName })}
        </Alert>
      )}
      {data && !done && data.subscribed && (
        <>
          <Text mb="md">
            {t('unsubscribe.question', { email: data.email, category, companyName: data.companyName })}
          </Text>
          <Button onClick={confirm} loading={unsubscribe.isPending}>
            {t('unsubscribe.confirm')}
          </Button>
        </>
      )}
    </Paper>
  );
}
