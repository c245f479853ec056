// P3: paying by SEPA direct debit. Members with "pay invoices" give the account's mandate (core or B2B) with
// the mandate text in their language, and revoke it; those who view invoices see the active one.
import { Button, Card, Checkbox, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { useCan } from '../../app/permissions.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { useInvoiceFormat } from './invoice-ui.tsx';

const path = '/api/v1/accounts/{accountId}/sepa-mandate';
type AccountMandate = ApiResult<typeof path>;
type Mandate = NonNullable<AccountMandate['mandate']>;
type Offer = NonNullable<AccountMandate['offer']>;

export function SepaMandateSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const current = api.useQuery('get', path, { params: { path: { accountId } } });
  const data = current.data;
  // Nothing to show to a member who can neither pay nor see a mandate, or while direct debit is not offered.
  if (data && !data.mandate && (!data.offer || !can('invoices.pay'))) return null;
  return (
    <Card withBorder component="section" aria-labelledby="sepa-mandate-title">
      <Title order={2} size="h4" id="sepa-mandate-title" mb="xs">
        {t('sepaMandate.title')}
      </Title>
      <ErrorAlert message={current.error?.message} />
      {current.isPending && <Loading />}
      {data?.mandate && (
        <ActiveMandate accountId={accountId} mandate={data.mandate} canRevoke={can('invoices.pay')} />
      )}
      {data && !data.mandate && data.offer && <MandateForm accountId={accountId} offer={data.offer} />}
    </Card>
  );
}

function ActiveMandate({
  accountId,
  mandate,
  canRevoke,
}: {
  accountId: string;
  mandate: Mandate;
  canRevoke: boolean;
}) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = api.useMutation('delete', path);
  return (
    <Stack gap="sm">
      <Text size="sm" role="status">
        {t('sepaMandate.active')}
      </Text>
      <Table variant="vertical" aria-label={t('sepaMandate.title')} maw={560}>
        <Table.Tbody>
          {(
            [
              [t('sepaMandate.reference'), mandate.reference],
              [t('sepaMandate.scheme'), t(`sepaMandate.schemes.${mandate.scheme}`)],
              [t('sepaMandate.accountHolder'), mandate.accountHolder],
              [t('payments.iban'), mandate.iban],
              [t('sepaMandate.signedOn'), format.day(mandate.signedOn)],
            ] as const
          ).map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={200}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <details>
        <summary>{t('sepaMandate.showText')}</summary>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }} mt="xs">
          {mandate.mandateText}
        </Text>
      </details>
      {canRevoke && (
        <Button variant="default" color="red" w="fit-content" onClick={() => setConfirming(true)}>
          {t('sepaMandate.revoke')}
        </Button>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('sepaMandate.revokeTitle')}
        confirmLabel={t('sepaMandate.revoke')}
        danger
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          await revoke.mutateAsync({ params: { path: { accountId } } });
          setConfirming(false);
          notifyDone(t('sepaMandate.revoked'));
          void queryClient.invalidateQueries({ queryKey: ['get', path] });
        }}
      >
        <Text size="sm">{t('sepaMandate.revokeText')}</Text>
      </ConfirmDialog>
    </Stack>
  );
}

type MandateValues = {
  scheme: 'CORE' | 'B2B';
  accountHolder: string;
  iban: string;
  bic: string;
  agreed: boolean;
};

function MandateForm({ accountId, offer }: { accountId: string; offer: Offer }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = useRequired();
  const give = api.useMutation('put', path);
  const form = useKontorForm<MandateValues>({
    initialValues: { scheme: 'CORE', accountHolder: '', iban: '', bic: '', agreed: false },
    validate: {
      accountHolder: required,
      iban: required,
      agreed: (value) => (value ? null : t('sepaMandate.agreeRequired')),
    },
  });
  const submit = form.submit(async (values) => {
    await give.mutateAsync({
      params: { path: { accountId } },
      body: { ...values, bic: values.bic.trim() || null },
    });
    notifyDone(t('sepaMandate.given'));
    void queryClient.invalidateQueries({ queryKey: ['get', path] });
  });
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Text size="sm" mb="sm">
        {t('sepaMandate.intro', { creditor: offer.creditorName })}
      </Text>
      <FormErrorAlert alert={form.alert} />
      <Stack maw={560} gap="sm">
        <Radio.Group
          {...form.getInputProps('scheme')}
          key={form.key('scheme')}
          label={t('sepaMandate.scheme')}
        >
          <Stack gap={6} mt={4}>
            <Radio
              value="CORE"
              label={t('sepaMandate.schemes.CORE')}
              description={t('sepaMandate.coreHint')}
            />
            <Radio value="B2B" label={t('sepaMandate.schemes.B2B')} description={t('sepaMandate.b2bHint')} />
          </Stack>
        </Radio.Group>
        <TextInput
          {...form.getInputProps('accountHolder')}
          key={form.key('accountHolder')}
          name="accountHolder"
          label={t('sepaMandate.accountHolder')}
          autoComplete="name"
          required
        />
        <TextInput
          {...form.getInputProps('iban')}
          key={form.key('iban')}
          name="iban"
          label={t('payments.iban')}
          placeholder="DE89 3704 0044 0532 0130 00"
          required
        />
        <TextInput
          {...form.getInputProps('bic')}
          key={form.key('bic')}
          name="bic"
          label={t('payments.bic')}
          description={t('sepaMandate.bicHint')}
        />
        <Card withBorder bg="gray.0" p="sm">
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} aria-label={t('sepaMandate.textLabel')}>
            {offer.texts[form.getValues().scheme]}
          </Text>
        </Card>
        <Checkbox
          {...form.getInputProps('agreed', { type: 'checkbox' })}
          key={form.key('agreed')}
          name="agreed"
          label={t('sepaMandate.agree')}
        />
        <Button type="submit" loading={form.submitting} w="fit-content">
          {t('sepaMandate.give')}
        </Button>
      </Stack>
    </form>
  );
}
