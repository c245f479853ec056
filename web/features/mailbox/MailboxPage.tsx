import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { mailboxRoute } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Paging } from '../../ui/Paging.tsx';
import { MailStatusBadge } from './MailStatusBadge.tsx';

const pageSize = 20;

export function MailboxPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  // The page is in the URL, so a reload or the way back from an e-mail keeps it.
  const { page = 1 } = mailboxRoute.useSearch();
  const mailbox = api.useQuery(
    'get',
    '/api/v1/operator/mailbox',
    { params: { query: { page, pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const { data } = mailbox;

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('mailbox.title')}</PageTitle>
        <Button variant="default" size="xs" onClick={() => void mailbox.refetch()}>
          {t('mailbox.refresh')}
        </Button>
      </Group>
      {mailbox.isPending && <Loading />}
      {mailbox.error && <ErrorAlert message={mailbox.error.message} />}
      {data && (
        <>
          <Text mb="md">
            {data.delivery === 'smtp' ? t('mailbox.deliverySmtp') : t('mailbox.deliveryMailbox')}
          </Text>
          {data.items.length === 0 ? (
            <Text c="dimmed">{t('mailbox.empty')}</Text>
          ) : (
            // At phone width the table scrolls inside its container, not the page; the subject (the row's
            // link) comes first so it stays in view.
            <Table.ScrollContainer minWidth={560}>
              <Table highlightOnHover aria-label={t('mailbox.caption')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('mailbox.subject')}</Table.Th>
                    <Table.Th>{t('mailbox.recipient')}</Table.Th>
                    <Table.Th>{t('mailbox.status')}</Table.Th>
                    <Table.Th>{t('mailbox.date')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((mail) => (
                    // The subject link is the keyboard and screen-reader way in; the row click is a mouse shortcut.
                    <Table.Tr
                      key={mail.id}
                      onClick={() => void navigate({ to: '/operator/mailbox/$id', params: { id: mail.id } })}
                      style={{ cursor: 'pointer' }}
                    >
                      <Table.Td>
                        <Anchor
                          renderRoot={(props) => (
                            <Link {...props} to="/operator/mailbox/$id" params={{ id: mail.id }} />
                          )}
                          onClick={(event) => event.stopPropagation()}
                        >
                          {mail.subject}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{mail.to}</Table.Td>
                      <Table.Td>
                        <MailStatusBadge status={mail.status} />
                      </Table.Td>
                      <Table.Td>{formatDateTime(mail.createdAt, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Paging
            page={page}
            total={data.total}
            pageSize={data.pageSize}
            onChange={(next) => void navigate({ to: '/operator/mailbox', search: { page: next } })}
          />
        </>
      )}
    </>
  );
}
