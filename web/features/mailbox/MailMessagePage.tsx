import { Anchor, Code, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import { useApiGet } from '../../app/use-api-get.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkifiedText } from './LinkifiedText.tsx';
import { MailStatusBadge } from './MailStatusBadge.tsx';
import type { MailMessage } from './mailbox-types.ts';

export function MailMessagePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const message = useApiGet<MailMessage>(`/api/v1/operator/mailbox/${encodeURIComponent(id)}`);
  const mail = message.data;

  return (
    <Stack gap="md">
      <Anchor component={Link} href="/operator/mailbox">
        ← {t('message.back')}
      </Anchor>
      <PageTitle>{mail?.subject ?? t('mailbox.title')}</PageTitle>
      {message.status === 'loading' && <Loading />}
      {message.status === 'failed' && <ErrorAlert message={message.error.message} />}
      {mail && (
        <>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
            <Header label={t('message.to')}>{mail.to}</Header>
            <Header label={t('message.subject')}>{mail.subject}</Header>
            <Header label={t('message.status')}>
              <MailStatusBadge status={mail.status} />
            </Header>
            <Header label={t('message.created')}>{formatDateTime(mail.createdAt, i18n.language)}</Header>
            <Header label={t('message.sent')}>
              {mail.sentAt ? formatDateTime(mail.sentAt, i18n.language) : t('message.notSent')}
            </Header>
          </SimpleGrid>
          <section aria-labelledby="mail-body-title">
            <Title order={2} size="h4" id="mail-body-title" mb="xs">
              {t('message.body')}
            </Title>
            <Code block p="md" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <LinkifiedText text={mail.text} />
            </Code>
          </section>
        </>
      )}
    </Stack>
  );
}

function Header({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}
