// P4: what an operator does with an imported credit: assign a waiting one to an invoice (a suggestion or a
// typed number), or reverse a booking that went to the wrong invoice.
import { Button, Group, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { notifyDone } from '../../ui/notify.tsx';
import { useInvoiceFormat } from '../invoices/invoice-ui.tsx';

export type Entry = ApiResult<'/api/v1/operator/bank-statement-entries'>['items'][number];
export const entriesPath = '/api/v1/operator/bank-statement-entries';

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    for (const path of [entriesPath, '/api/v1/operator/audit'])
      void queryClient.invalidateQueries({ queryKey: ['get', path] });
  };
}

export function AssignEntry({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  const refresh = useRefresh();
  const required = useRequired();
  const assign = api.useMutation('post', '/api/v1/operator/bank-statement-entries/{entryId}/assignment');
  const form = useKontorForm<{ invoiceNumber: string }>({
    initialValues: { invoiceNumber: '' },
    validate: { invoiceNumber: required },
  });
  const done = (number: string) => {
    notifyDone(t('bankStatements.assigned', { number }));
    refresh();
  };
  const toSuggestion = async (invoiceId: string, number: string) => {
    form.clearAlert();
    try {
      await assign.mutateAsync({ params: { path: { entryId: entry.id } }, body: { invoiceId } });
      done(number);
    } catch (caught) {
      form.showApiError(caught);
    }
  };
  const submit = form.submit(async ({ invoiceNumber }) => {
    await assign.mutateAsync({ params: { path: { entryId: entry.id } }, body: { invoiceNumber } });
    done(invoiceNumber);
  });
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormErrorAlert alert={form.alert} />
      {entry.suggestions.length > 0 && (
        <Group gap="xs" mb="xs">
          {entry.suggestions.map((invoice) => (
            <Button
              key={invoice.id}
              size="compact-sm"
              variant={invoice.named ? 'filled' : 'light'}
              disabled={assign.isPending}
              onClick={() => toSuggestion(invoice.id, invoice.number)}
            >
              {t('bankStatements.assignTo', {
                number: invoice.number,
                account: invoice.accountName,
                amount: format.money(invoice.openCents),
              })}
            </Button>
          ))}
        </Group>
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          {...form.getInputProps('invoiceNumber')}
          key={form.key('invoiceNumber')}
          name="invoiceNumber"
          size="xs"
          label={t('bankStatements.invoiceNumber')}
          placeholder="2026-000123"
          w={150}
        />
        <Button type="submit" size="xs" variant="default" loading={form.submitting}>
          {t('bankStatements.assign')}
        </Button>
      </Group>
    </form>
  );
}

export function ReverseButton({ paymentId, number }: { paymentId: string; number: string }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [opened, setOpened] = useState(false);
  const reverse = api.useMutation('post', '/api/v1/operator/payments/{paymentId}/reversal');
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" ml="xs" onClick={() => setOpened(true)}>
        {t('bankStatements.reverse')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('bankStatements.reverseTitle', { number })}
        confirmLabel={t('bankStatements.reverse')}
        danger
        onClose={() => setOpened(false)}
        onConfirm={async () => {
          await reverse.mutateAsync({ params: { path: { paymentId } }, body: { note: null } });
          setOpened(false);
          notifyDone(t('bankStatements.reversedDone', { number }));
          refresh();
        }}
      >
        <Text size="sm">{t('bankStatements.reverseText')}</Text>
      </ConfirmDialog>
    </>
  );
}
