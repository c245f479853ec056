// B2 for operators, on a customer account's page: its invoices and credit notes, and a credit note for an
// invoice, whole or chosen lines and quantities, with a reason.
import {
  Button,
  Checkbox,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiResult, api, asApiError } from '../../api/client.ts';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { Downloads, type InvoiceSummary, KindBadge, useInvoiceFormat } from './invoice-ui.tsx';
import { ManualPaymentForm } from './ManualPaymentForm.tsx';
import { PaymentBadge } from './payment-ui.tsx';

type Detail = ApiResult<'/api/v1/operator/invoices/{invoiceId}'>;

export function AccountInvoicesSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  const focus = useReturnFocus();
  const [crediting, setCrediting] = useState<InvoiceSummary | null>(null);
  const [paying, setPaying] = useState<InvoiceSummary | null>(null);
  const list = api.useQuery('get', '/api/v1/operator/accounts/{accountId}/invoices', {
    params: { path: { accountId } },
  });
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="account-invoices-title">
      <Title order={2} size="h4" id="account-invoices-title" mb="md">
        {t('invoices.title')}
      </Title>
      <ErrorAlert message={list.error?.message} />
      {list.isPending && <Loading label={t('invoices.loading')} />}
      {list.data && items.length === 0 && <Text size="sm">{t('invoices.none')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t('invoices.title')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.number')}</Table.Th>
                <Table.Th>{t('invoices.kind')}</Table.Th>
                <Table.Th>{t('invoices.period')}</Table.Th>
                <Table.Th ta="right">{t('invoices.gross')}</Table.Th>
                <Table.Th ta="right">{t('payments.open')}</Table.Th>
                <Table.Th>{t('payments.state')}</Table.Th>
                <Table.Th>{t('invoices.downloads')}</Table.Th>
                <Table.Th>{t('invoices.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((invoice) => (
                <Table.Tr key={invoice.id}>
                  <Table.Td>
                    {invoice.number}
                    {invoice.correctsNumber && (
                      <Text size="sm" c="dimmed">
                        {t('invoices.corrects', { number: invoice.correctsNumber })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <KindBadge kind={invoice.kind} />
                  </Table.Td>
                  <Table.Td>{format.period(invoice.periodFrom, invoice.periodTo)}</Table.Td>
                  <Table.Td ta="right">{format.money(invoice.grossCents)}</Table.Td>
                  <Table.Td ta="right">{invoice.paymentState && format.money(invoice.openCents)}</Table.Td>
                  <Table.Td>
                    <PaymentBadge state={invoice.paymentState} />
                  </Table.Td>
                  <Table.Td>
                    <Downloads
                      base={`/api/v1/operator/invoices/${encodeURIComponent(invoice.id)}`}
                      invoice={invoice}
                      csv={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    {invoice.kind === 'invoice' && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => {
                          focus.remember();
                          setCrediting(invoice);
                        }}
                      >
                        {t('creditNotes.open')}
                        <VisuallyHidden> {invoice.number}</VisuallyHidden>
                      </Button>
                    )}
                    {invoice.kind === 'invoice' && invoice.openCents > 0 && (
                      <Button
                        size="xs"
                        variant="default"
                        ml="xs"
                        onClick={() => {
                          focus.remember();
                          setPaying(invoice);
                        }}
                      >
                        {t('manualPayment.open')}
                        <VisuallyHidden> {invoice.number}</VisuallyHidden>
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={crediting !== null}
        onClose={() => setCrediting(null)}
        returnFocus={false}
        onExitTransitionEnd={focus.returnFocus}
        title={t('creditNotes.title', { number: crediting?.number ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
        size="xl"
      >
        {crediting && <CreditNoteForm invoiceId={crediting.id} onDone={() => setCrediting(null)} />}
      </Modal>
      <Modal
        opened={paying !== null}
        onClose={() => setPaying(null)}
        returnFocus={false}
        onExitTransitionEnd={focus.returnFocus}
        title={t('manualPayment.title', { number: paying?.number ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
      >
        {paying && <ManualPaymentForm invoice={paying} onDone={() => setPaying(null)} />}
      </Modal>
    </section>
  );
}

function CreditNoteForm({ invoiceId, onDone }: { invoiceId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const invoice = api.useQuery('get', '/api/v1/operator/invoices/{invoiceId}', {
    params: { path: { invoiceId } },
  });
  if (invoice.error) return <ErrorAlert message={invoice.error.message} />;
  if (!invoice.data) return <Loading label={t('invoices.loading')} />;
  return <CreditNoteFields invoice={invoice.data} onDone={onDone} />;
}

interface Values {
  [key: string]: unknown;
  reason: string;
  lines: { lineId: string; chosen: boolean; quantity: number }[];
}

function CreditNoteFields({ invoice, onDone }: { invoice: Detail; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  const required = useRequired();
  const queryClient = useQueryClient();
  const issue = api.useMutation('post', '/api/v1/operator/invoices/{invoiceId}/credit-notes');
  const open = invoice.lines.filter((line) => line.creditableQuantity > 0);
  const form = useKontorForm<Values>({
    initialValues: {
      reason: '',
      lines: open.map((line) => ({ lineId: line.id, chosen: true, quantity: line.creditableQuantity })),
    },
    validate: { reason: required },
  });
  const submit = form.submit(async (values) => {
    const chosen = values.lines.flatMap((line, index) => (line.chosen ? [{ ...line, index }] : []));
    if (chosen.length === 0) return form.fail(t('creditNotes.chooseLine'));
    const whole =
      chosen.length === open.length &&
      chosen.every((line, index) => line.quantity === open[index]?.creditableQuantity);
    const note = await issue
      .mutateAsync({
        params: { path: { invoiceId: invoice.id } },
        body: {
          reason: values.reason.trim(),
          ...(whole ? {} : { lines: chosen.map(({ lineId, quantity }) => ({ lineId, quantity })) }),
        },
      })
      .catch((error) => {
        // The server names the sent lines by their place among the chosen ones; the form by its row.
        const refusal = asApiError(error);
        const details = refusal.details.map((detail) => ({
          ...detail,
          field: detail.field.replace(
            /^lines\.(\d+)\./,
            (_, sent: string) => `lines.${chosen[Number(sent)]?.index}.`,
          ),
        }));
        throw new ApiError(refusal.status, refusal.code, refusal.message, details);
      });
    for (const path of [
      '/api/v1/operator/accounts/{accountId}/invoices',
      '/api/v1/operator/invoices/{invoiceId}',
      '/api/v1/operator/audit',
    ] as const)
      void queryClient.invalidateQueries({ queryKey: ['get', path] });
    notifyDone(t('creditNotes.issued', { number: note.number, gross: format.money(note.grossCents) }));
    onDone();
  });
  if (open.length === 0) return <Text>{t('creditNotes.nothingLeft')}</Text>;
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <Text size="sm">{t('creditNotes.intro')}</Text>
        <Table aria-label={t('creditNotes.linesCaption')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('creditNotes.credit')}</Table.Th>
              <Table.Th>{t('invoices.line.description')}</Table.Th>
              <Table.Th ta="right">{t('invoices.line.unitNet')}</Table.Th>
              <Table.Th>{t('creditNotes.quantity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.map((line, index) => (
              <Table.Tr key={line.id}>
                <Table.Td>
                  <Checkbox
                    {...form.getInputProps(`lines.${index}.chosen`, { type: 'checkbox' })}
                    key={form.key(`lines.${index}.chosen`)}
                    aria-label={t('creditNotes.creditLine', { description: line.description })}
                  />
                </Table.Td>
                <Table.Td>{line.description}</Table.Td>
                <Table.Td ta="right">{format.money(line.unitNetCents)}</Table.Td>
                <Table.Td>
                  <NumberInput
                    {...form.getInputProps(`lines.${index}.quantity`)}
                    key={form.key(`lines.${index}.quantity`)}
                    aria-label={t('creditNotes.quantityOf', {
                      description: line.description,
                      max: line.creditableQuantity,
                    })}
                    description={t('creditNotes.left', { count: line.creditableQuantity })}
                    min={1}
                    max={line.creditableQuantity}
                    allowDecimal={false}
                    w={140}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Textarea
          {...form.getInputProps('reason')}
          key={form.key('reason')}
          label={t('creditNotes.reason')}
          required
          autosize
          minRows={2}
        />
        <Button type="submit" loading={form.submitting} w="fit-content">
          {t('creditNotes.issue')}
        </Button>
      </Stack>
    </form>
  );
}
