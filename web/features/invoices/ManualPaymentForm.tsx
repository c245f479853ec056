// P4 for operators: booking a payment that arrived outside a bank statement (a transfer seen in online
// banking, cash, a cheque) on an invoice, by hand; it is audited, and reversed on "Incoming payments".
import { Button, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { notifyDone } from '../../ui/notify.tsx';
import { type InvoiceSummary, useInvoiceFormat } from './invoice-ui.tsx';

type Values = { amount: number | string; bookedOn: string; method: 'bank_transfer' | 'manual'; note: string };

export function ManualPaymentForm({ invoice, onDone }: { invoice: InvoiceSummary; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useInvoiceFormat();
  const queryClient = useQueryClient();
  const required = useRequired();
  const book = api.useMutation('post', '/api/v1/operator/invoices/{invoiceId}/payments');
  const form = useKontorForm<Values>({
    initialValues: {
      amount: Math.max(invoice.openCents, 0) / 100,
      bookedOn: new Date().toISOString().slice(0, 10),
      method: 'bank_transfer',
      note: '',
    },
    validate: { amount: required, bookedOn: required },
  });
  const submit = form.submit(async (values) => {
    await book.mutateAsync({
      params: { path: { invoiceId: invoice.id } },
      body: {
        amountCents: Math.round(Number(values.amount) * 100),
        currency: 'EUR',
        bookedOn: values.bookedOn,
        method: values.method,
        note: values.note.trim() || null,
      },
    });
    notifyDone(t('manualPayment.booked', { number: invoice.number }));
    for (const path of ['/api/v1/operator/accounts/{accountId}/invoices', '/api/v1/operator/audit'])
      void queryClient.invalidateQueries({ queryKey: ['get', path] });
    onDone();
  });
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack gap="sm">
        <Text size="sm">{t('manualPayment.intro', { open: format.money(invoice.openCents) })}</Text>
        <NumberInput
          {...form.getInputProps('amount')}
          key={form.key('amount')}
          name="amount"
          label={t('manualPayment.amount')}
          decimalScale={2}
          fixedDecimalScale
          min={0.01}
          decimalSeparator={i18n.language === 'en' ? '.' : ','}
          thousandSeparator={i18n.language === 'en' ? ',' : '.'}
          suffix=" €"
          required
        />
        <TextInput
          {...form.getInputProps('bookedOn')}
          key={form.key('bookedOn')}
          name="bookedOn"
          type="date"
          label={t('manualPayment.bookedOn')}
          required
        />
        <Select
          {...form.getInputProps('method')}
          key={form.key('method')}
          name="method"
          label={t('manualPayment.method')}
          data={[
            { value: 'bank_transfer', label: t('manualPayment.methods.bank_transfer') },
            { value: 'manual', label: t('manualPayment.methods.manual') },
          ]}
          allowDeselect={false}
        />
        <TextInput
          {...form.getInputProps('note')}
          key={form.key('note')}
          name="note"
          label={t('manualPayment.note')}
        />
        <Button type="submit" loading={form.submitting} w="fit-content">
          {t('manualPayment.book')}
        </Button>
      </Stack>
    </form>
  );
}
