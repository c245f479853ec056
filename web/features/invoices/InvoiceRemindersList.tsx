// P5: the payment reminders sent for an invoice, each with what was open then; nothing while there are none.
import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { useInvoiceFormat } from './invoice-ui.tsx';

export function InvoiceRemindersList({ accountId, invoiceId }: { accountId: string; invoiceId: string }) {
  const { t, i18n } = useTranslation();
  const format = useInvoiceFormat();
  const reminders = api.useQuery('get', '/api/v1/accounts/{accountId}/invoices/{invoiceId}/reminders', {
    params: { path: { accountId, invoiceId } },
  });
  if (reminders.error) return <ErrorAlert message={reminders.error.message} />;
  const items = reminders.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="invoice-reminders-title">
      <Title order={2} size="h4" id="invoice-reminders-title" mb="sm">
        {t('paymentReminders.sentTitle')}
      </Title>
      <Table aria-labelledby="invoice-reminders-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('paymentReminders.level')}</Table.Th>
            <Table.Th scope="col">{t('paymentReminders.sentAt')}</Table.Th>
            <Table.Th scope="col">{t('paymentReminders.openThen')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.level}>
              <Table.Td>
                {t(item.level === 1 ? 'paymentReminders.first' : 'paymentReminders.second')}
              </Table.Td>
              <Table.Td>{formatDateTime(item.sentAt, i18n.language)}</Table.Td>
              <Table.Td>{format.money(item.openCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
