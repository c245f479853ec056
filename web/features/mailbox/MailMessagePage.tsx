import { Anchor, Code, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { mailMessageRoute } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { LinkifiedText } from './LinkifiedText.tsx';
import { MailStatusBadge } from './MailStatusBadge.tsx';

export function MailMessagePage() {
  const { t, i18n } = useTranslation();
  const { id } = mailMessageRoute.useParams();
  const {
    data: mail,
    error,
    isPending,
  } = api.useQuery('get', '/api/v1/operator/mailbox/{id}', {
    params: { path: { id } },
  });

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/operator/mailbox">
        ← {t('message.back')}
      </Anchor>
      <PageTitle>{mail?.subject ?? t('mailbox.title')}</PageTitle>
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
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
      {/* Long addresses and subjects wrap rather than widen the page at phone width. */}
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
