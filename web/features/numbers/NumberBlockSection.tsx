import {
  Button,
  DataList,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { useOperatorRole } from '../../app/operator-roles.ts';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';

type Block = NonNullable<ApiResult<'/api/v1/operator/accounts/{accountId}/number-block'>['block']>;

/** One to four digits: the ranges a block of extensions comes in. */
export const extensionRanges = [9, 99, 999, 9999] as const;

/** T2: the operator gives the account its number block (main number = prefix + "0") and fax number. */
export function NumberBlockSection({ accountId }: { accountId: string }) {
  const mayChange = useOperatorRole()('support');
  const { t } = useTranslation();
  const request = { params: { path: { accountId } } };
  const { data, error, isPending } = api.useQuery(
    'get',
    '/api/v1/operator/accounts/{accountId}/number-block',
    request,
  );
  const [editing, setEditing] = useState(false);
  const block = data?.block ?? null;

  return (
    <section aria-labelledby="account-numbers-title">
      <Title order={2} size="h4" id="account-numbers-title" mb="md">
        {t('numbers.blockTitle')}
      </Title>
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && !editing && (
        <Stack gap="sm" align="flex-start">
          {block ? <BlockFacts block={block} /> : <Text c="dimmed">{t('numbers.noBlock')}</Text>}
          {mayChange && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t(block ? 'numbers.changeBlock' : 'numbers.setBlock')}
            </Button>
          )}
        </Stack>
      )}
      {data && editing && (
        <BlockForm
          accountId={accountId}
          block={block}
          onDone={(saved) => {
            setEditing(false);
            if (saved) notifyDone(t('numbers.blockSaved'));
          }}
        />
      )}
    </section>
  );
}

/** Main number, fax number and range, as the directory shows them too. */
export function BlockFacts({ block }: { block: Block }) {
  const { t } = useTranslation();
  return (
    <DataList labelWidth={200} withDivider>
      {[
        [t('numbers.mainNumber'), block.mainNumberFormatted],
        [t('numbers.faxNumber'), block.faxNumberFormatted ?? t('numbers.none')],
        [
          t('numbers.range'),
          t('numbers.rangeValue', { prefix: block.prefixFormatted, last: block.lastExtension }),
        ],
      ].map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue ff="monospace">{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function BlockForm({
  accountId,
  block,
  onDone,
}: {
  accountId: string;
  block: Block | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const queryClient = useQueryClient();
  const save = api.useMutation('put', '/api/v1/operator/accounts/{accountId}/number-block');
  const form = useKontorForm({
    initialValues: {
      prefix: block?.prefixFormatted ?? '',
      lastExtension: String(block?.lastExtension ?? 99),
      faxNumber: block?.faxNumberFormatted ?? '',
    },
    validate: { prefix: required },
  });

  const send = form.submit(async (values) => {
    await save.mutateAsync({
      params: { path: { accountId } },
      body: {
        prefix: values.prefix.trim(),
        lastExtension: Number(values.lastExtension),
        faxNumber: values.faxNumber.trim() || null,
      },
    });
    for (const path of [
      '/api/v1/operator/accounts/{accountId}/number-block',
      '/api/v1/operator/audit',
    ] as const) {
      void queryClient.invalidateQueries({ queryKey: ['get', path] });
    }
    onDone(true);
  });

  return (
    <form ref={form.formRef} onSubmit={send} noValidate>
      <FormErrorAlert alert={form.alert} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('numbers.prefix')}
          description={t('numbers.prefixHint')}
          name="prefix"
          autoComplete="off"
          required
          {...form.getInputProps('prefix')}
          key={form.key('prefix')}
        />
        <NativeSelect
          label={t('numbers.extensions')}
          description={t('numbers.extensionsHint')}
          name="lastExtension"
          data={extensionRanges.map((last) => ({
            value: String(last),
            label: t('numbers.rangeOption', { last, count: String(last).length }),
          }))}
          {...form.getInputProps('lastExtension')}
          key={form.key('lastExtension')}
        />
        <TextInput
          label={t('numbers.faxNumber')}
          description={t('numbers.faxHint')}
          name="faxNumber"
          autoComplete="off"
          {...form.getInputProps('faxNumber')}
          key={form.key('faxNumber')}
        />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit" loading={save.isPending}>
          {t('numbers.saveBlock')}
        </Button>
        <Button variant="default" onClick={() => onDone(false)} disabled={save.isPending}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}
