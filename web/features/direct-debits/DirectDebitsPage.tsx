// P3: the operators' SEPA direct debits: what is due for collection, the export (announcing each collection
// to its account and handing out the pain.008 file for the bank), the last collections and all mandates.
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useInvoiceFormat } from '../invoices/invoice-ui.tsx';

type Overview = ApiResult<'/api/v1/operator/direct-debits'>;
type Exported = ApiResult<'/api/v1/operator/direct-debits/export', 'post'>;
const overviewPath = '/api/v1/operator/direct-debits';

export function DirectDebitsPage() {
  const { t } = useTranslation();
  const overview = api.useQuery('get', overviewPath);
  const data = overview.data;
  // Kept here: once exported, nothing is due any more and the form is gone, but the file stays offered.
  const [file, setFile] = useState<{ result: Exported; url: string } | null>(null);
  useEffect(
    () => () => {
      if (file) URL.revokeObjectURL(file.url);
    },
    [file],
  );
  const exported = (result: Exported) =>
    setFile({ result, url: URL.createObjectURL(new Blob([result.xml], { type: 'application/xml' })) });
  return (
    <>
      <PageTitle>{t('directDebits.title')}</PageTitle>
      <Text mb="md">{t('directDebits.intro')}</Text>
      <Stack gap="xl">
        {file && <ExportedFile file={file} />}
        <ErrorAlert message={overview.error?.message} />
        {overview.isPending && <Loading />}
        {data && (
          <>
            <section aria-labelledby="due-title">
              <Title order={2} size="h4" id="due-title" mb="xs">
                {t('directDebits.dueTitle', { count: data.due.length })}
              </Title>
              {data.due.length === 0 ? (
                <Text size="sm">{t('directDebits.noneDue')}</Text>
              ) : (
                <>
                  <DueTable due={data.due} />
                  <ExportForm earliest={data.earliestCollectionDate} onExported={exported} />
                </>
              )}
            </section>
            <Collections collections={data.collections} />
          </>
        )}
        <Mandates />
      </Stack>
    </>
  );
}

function DueTable({ due }: { due: Overview['due'] }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t('directDebits.dueTitle', { count: due.length })} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.number')}</Table.Th>
            <Table.Th>{t('directDebits.account')}</Table.Th>
            <Table.Th ta="right">{t('payments.open')}</Table.Th>
            <Table.Th>{t('directDebits.mandate')}</Table.Th>
            <Table.Th>{t('directDebits.sequence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {due.map((item) => (
            <Table.Tr key={item.invoiceId}>
              <Table.Td>{item.number}</Table.Td>
              <Table.Td>{item.accountName}</Table.Td>
              <Table.Td ta="right">{format.money(item.openCents)}</Table.Td>
              <Table.Td>
                {item.mandateReference} ({t(`sepaMandate.schemes.${item.scheme}`)})
              </Table.Td>
              <Table.Td>{t(`directDebits.sequences.${item.sequenceType}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ExportForm({ earliest, onExported }: { earliest: string; onExported: (result: Exported) => void }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  const queryClient = useQueryClient();
  const run = api.useMutation('post', '/api/v1/operator/direct-debits/export');
  const form = useKontorForm<{ collectionDate: string }>({ initialValues: { collectionDate: earliest } });
  const submit = form.submit(async (values) => {
    const result = await run.mutateAsync({ body: values });
    onExported(result);
    notifyDone(t('directDebits.exported', { count: result.count }));
    for (const path of [overviewPath, '/api/v1/operator/audit'])
      void queryClient.invalidateQueries({ queryKey: ['get', path] });
  });
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Group align="flex-end" mt="md">
        <TextInput
          {...form.getInputProps('collectionDate')}
          key={form.key('collectionDate')}
          name="collectionDate"
          type="date"
          min={earliest}
          label={t('directDebits.collectionDate')}
          description={t('directDebits.collectionDateHint', { date: format.day(earliest) })}
        />
        <Button type="submit" loading={form.submitting}>
          {t('directDebits.export')}
        </Button>
      </Group>
    </form>
  );
}

function ExportedFile({ file }: { file: { result: Exported; url: string } }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  return (
    <Alert color="green" variant="light" role="status">
      {t('directDebits.exported', { count: file.result.count })} ({format.money(file.result.totalCents)},{' '}
      {format.day(file.result.collectionDate)}){' '}
      <Anchor href={file.url} download={file.result.fileName} c="inherit" underline="always" fw={600}>
        {t('directDebits.download', { file: file.result.fileName })}
      </Anchor>
    </Alert>
  );
}

function Collections({ collections }: { collections: Overview['collections'] }) {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  return (
    <section aria-labelledby="collections-title">
      <Title order={2} size="h4" id="collections-title" mb="xs">
        {t('directDebits.collectionsTitle')}
      </Title>
      {collections.length === 0 ? (
        <Text size="sm">{t('directDebits.noneCollected')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('directDebits.collectionsTitle')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directDebits.collectionDate')}</Table.Th>
                <Table.Th>{t('invoices.number')}</Table.Th>
                <Table.Th>{t('directDebits.account')}</Table.Th>
                <Table.Th ta="right">{t('payments.amount')}</Table.Th>
                <Table.Th>{t('directDebits.sequence')}</Table.Th>
                <Table.Th>{t('directDebits.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {collections.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{format.day(item.collectionDate)}</Table.Td>
                  <Table.Td>{item.number}</Table.Td>
                  <Table.Td>{item.accountName}</Table.Td>
                  <Table.Td ta="right">{format.money(item.amountCents)}</Table.Td>
                  <Table.Td>{t(`directDebits.sequences.${item.sequenceType}`)}</Table.Td>
                  <Table.Td>{item.exportMessageId}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

function Mandates() {
  const { t } = useTranslation();
  const format = useInvoiceFormat();
  const mandates = api.useQuery('get', '/api/v1/operator/sepa-mandates');
  const items = mandates.data?.items ?? [];
  return (
    <section aria-labelledby="mandates-title">
      <Title order={2} size="h4" id="mandates-title" mb="xs">
        {t('directDebits.mandatesTitle')}
      </Title>
      <ErrorAlert message={mandates.error?.message} />
      {mandates.data && items.length === 0 && <Text size="sm">{t('directDebits.noMandates')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table aria-label={t('directDebits.mandatesTitle')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directDebits.account')}</Table.Th>
                <Table.Th>{t('sepaMandate.reference')}</Table.Th>
                <Table.Th>{t('sepaMandate.scheme')}</Table.Th>
                <Table.Th>{t('sepaMandate.accountHolder')}</Table.Th>
                <Table.Th>{t('payments.iban')}</Table.Th>
                <Table.Th>{t('sepaMandate.signedOn')}</Table.Th>
                <Table.Th>{t('directDebits.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    {item.accountName}
                    <Text size="xs" c="dimmed">
                      {item.customerNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>{item.reference}</Table.Td>
                  <Table.Td>{t(`sepaMandate.schemes.${item.scheme}`)}</Table.Td>
                  <Table.Td>{item.accountHolder}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.iban}</Table.Td>
                  <Table.Td>{format.day(item.signedOn)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={item.revokedAt ? 'gray' : 'green'}>
                      {t(item.revokedAt ? 'directDebits.revokedState' : 'directDebits.activeState')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
