import { Badge, Button, Card, Group, List, SimpleGrid, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationCategory } from '../../../src/shared/notification-categories.ts';
import { api, asApiError } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { localeNames } from '../../i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone, notifyFailed } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const kindColors = { primary: 'blue', member: 'teal', contact: 'grape' } as const;

/** C2: per category, exactly who receives its e-mails; a test e-mail shows it in the recipients' inboxes. */
export function NotificationRoutingPage() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const path = { accountId: account.id };
  const routing = api.useQuery('get', '/api/v1/accounts/{accountId}/notifications', { params: { path } });
  const test = api.useMutation('post', '/api/v1/accounts/{accountId}/notifications/test');
  const [sending, setSending] = useState<NotificationCategory | null>(null);

  const sendTest = async (category: NotificationCategory) => {
    setSending(category);
    try {
      const sent = await test.mutateAsync({ params: { path }, body: { category } });
      notifyDone(t('notifications.testSent', { count: sent.recipients }));
    } catch (error) {
      notifyFailed(asApiError(error).message);
    } finally {
      setSending(null);
    }
  };

  return (
    <>
      <PageTitle>{t('notifications.routingTitle')}</PageTitle>
      <Text c="dimmed" size="sm" mb="md">
        {t('notifications.routingIntro')}
      </Text>
      <ErrorAlert message={routing.error?.message} />
      {routing.isPending && <Loading label={t('notifications.loading')} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {routing.data?.categories.map(({ category, recipients }) => (
          <Card key={category} withBorder component="section" aria-labelledby={`routing-${category}`}>
            <Title order={2} size="h5" id={`routing-${category}`}>
              {t(`notifications.categories.${category}`)}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t(`notifications.categoryHints.${category}`)}
            </Text>
            <List spacing={6} listStyleType="none" mb="sm">
              {recipients.map((recipient) => (
                <List.Item key={recipient.email}>
                  <Group gap="xs" align="baseline">
                    <Badge size="sm" variant="light" color={kindColors[recipient.kind]}>
                      {t(`notifications.kinds.${recipient.kind}`)}
                    </Badge>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {recipient.name} · {recipient.email} · {localeNames[recipient.locale]}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
            <Group mt="auto">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconSend size={16} aria-hidden />}
                loading={sending === category}
                onClick={() => sendTest(category)}
                aria-label={t('notifications.sendTestFor', {
                  category: t(`notifications.categories.${category}`),
                })}
              >
                {t('notifications.sendTest')}
              </Button>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
