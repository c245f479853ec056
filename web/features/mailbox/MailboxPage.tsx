import { Anchor, Button, Group, Pagination, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { useApiGet } from '../../app/use-api-get.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { MailStatusBadge } from './MailStatusBadge.tsx';
import type { MailboxPage as MailboxPageData } from './mailbox-types.ts';

const pageSize = 20;

export function MailboxPage() {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const requested = Number.parseInt(search.get('page') ?? '1', 10) || 1;
  const page = Math.min(Math.max(1, requested), 100_000); // the API's limit
  const mailbox = useApiGet<MailboxPageData>(`/api/v1/operator/mailbox?page=${page}&pageSize=${pageSize}`);
  const data = mailbox.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('mailbox.title')}</PageTitle>
        <Button variant="default" size="xs" onClick={mailbox.reload}>
          {t('mailbox.refresh')}
        </Button>
      </Group>
      {mailbox.status === 'loading' && <Loading />}
      {mailbox.status === 'failed' && <ErrorAlert message={mailbox.error.message} />}
      {data && (
        <>
          <Text mb="md">
            {data.delivery === 'smtp' ? t('mailbox.deliverySmtp') : t('mailbox.deliveryMailbox')}
          </Text>
          {data.items.length === 0 ? (
            <Text c="dimmed">{t('mailbox.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table highlightOnHover aria-label={t('mailbox.caption')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('mailbox.recipient')}</Table.Th>
                    <Table.Th>{t('mailbox.subject')}</Table.Th>
                    <Table.Th>{t('mailbox.status')}</Table.Th>
                    <Table.Th>{t('mailbox.date')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((mail) => {
                    const href = `/operator/mailbox/${encodeURIComponent(mail.id)}`;
                    return (
                      // The subject link is the keyboard and screen-reader way in; the row click is a mouse shortcut.
                      <Table.Tr key={mail.id} onClick={() => navigate(href)} style={{ cursor: 'pointer' }}>
                        <Table.Td>{mail.to}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} href={href} onClick={(event) => event.stopPropagation()}>
                            {mail.subject}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <MailStatusBadge status={mail.status} />
                        </Table.Td>
                        <Table.Td>{formatDateTime(mail.createdAt, i18n.language)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {pages > 1 && (
            <nav aria-label={t('mailbox.pages')}>
              <Pagination
                mt="md"
                total={pages}
                value={Math.min(page, pages)}
                onChange={(next) => navigate(`/operator/mailbox?page=${next}`)}
                getItemProps={(item) => ({ 'aria-label': t('mailbox.page', { page: item }) })}
                getControlProps={(control) => ({ 'aria-label': t(`mailbox.${control}`) })}
              />
            </nav>
          )}
        </>
      )}
    </>
  );
}
