import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import type { DomainDetail } from './DomainForm.tsx';

export type DnsRecord = DomainDetail['records'][number];
type RecordType = DnsRecord['type'];
const recordTypes: RecordType[] = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'CAA'];
type NumberField = 'priority' | 'weight' | 'port' | 'flags';
const numberFields: Record<RecordType, NumberField[]> = {
  A: [],
  AAAA: [],
  CNAME: [],
  MX: ['priority'],
  TXT: [],
  SRV: ['priority', 'weight', 'port'],
  CAA: ['flags'],
};

interface Values {
  [key: string]: unknown;
  type: RecordType;
  name: string;
  ttl: number | string;
  value: string;
  priority: number | string;
  weight: number | string;
  port: number | string;
  flags: number | string;
  tag: string;
}

const asNumber = (value: number | string) => (value === '' ? null : Number(value));

/** D2: add or change one DNS record; the form shows the fields of the chosen type, the server checks them. */
export function RecordForm({
  accountId,
  domain,
  record,
  onDone,
  onCancel,
}: {
  accountId: string;
  domain: DomainDetail;
  record?: DnsRecord;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = useRequired();
  const create = api.useMutation('post', '/api/v1/accounts/{accountId}/domains/{domainId}/records');
  const update = api.useMutation('put', '/api/v1/accounts/{accountId}/domains/{domainId}/records/{recordId}');
  const form = useKontorForm<Values>({
    initialValues: {
      type: record?.type ?? 'A',
      name: record?.name ?? '',
      ttl: record?.ttl ?? domain.limits.ttlDefault,
      value: record?.value ?? '',
      priority: record?.priority ?? '',
      weight: record?.weight ?? '',
      port: record?.port ?? '',
      flags: record?.flags ?? 0,
      tag: record?.tag ?? 'issue',
    },
    validate: { value: required },
  });
  const type = form.getValues().type;

  const send = async (values: Values) => {
    const body = {
      type: values.type,
      name: values.name.trim(),
      ttl: Number(values.ttl),
      value: values.type === 'TXT' ? values.value : values.value.trim(),
      ...Object.fromEntries(numberFields[values.type].map((field) => [field, asNumber(values[field])])),
      ...(values.type === 'CAA' ? { tag: values.tag } : {}),
    };
    const path = { accountId, domainId: domain.id };
    if (record) await update.mutateAsync({ params: { path: { ...path, recordId: record.id } }, body });
    else await create.mutateAsync({ params: { path }, body });
    await queryClient.invalidateQueries({
      queryKey: ['get', '/api/v1/accounts/{accountId}/domains/{domainId}'],
    });
    onDone();
  };

  const number = (field: NumberField, max: number) => (
    <NumberInput
      key={form.key(field)}
      label={t(`domains.records.${field}`)}
      name={field}
      min={0}
      max={max}
      allowDecimal={false}
      required
      {...form.getInputProps(field)}
    />
  );

  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t('domains.records.type')}
            name="type"
            data={recordTypes}
            allowDeselect={false}
            // All seven types without a scrolling list: a scrollable region must be reachable by keyboard,
            // and the combobox keeps the focus in its input (axe: scrollable-region-focusable).
            maxDropdownHeight={400}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('type')}
            key={form.key('type')}
          />
          <TextInput
            label={t('domains.records.name')}
            description={t('domains.records.nameHint', { domain: domain.name })}
            name="name"
            autoComplete="off"
            {...form.getInputProps('name')}
            key={form.key('name')}
          />
        </SimpleGrid>
        {type === 'TXT' ? (
          <Textarea
            label={t('domains.records.value')}
            description={t('domains.records.txtHint', { bytes: domain.limits.txtBytes })}
            name="value"
            autosize
            minRows={2}
            required
            {...form.getInputProps('value')}
            key={form.key('value')}
          />
        ) : (
          <TextInput
            label={t(`domains.records.valueOf.${type}`)}
            name="value"
            autoComplete="off"
            required
            {...form.getInputProps('value')}
            key={form.key('value')}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <NumberInput
            key={form.key('ttl')}
            label={t('domains.records.ttl')}
            description={t('domains.records.ttlHint', {
              min: domain.limits.ttlMin,
              max: domain.limits.ttlMax,
            })}
            name="ttl"
            allowDecimal={false}
            required
            {...form.getInputProps('ttl')}
          />
          {numberFields[type].map((field) => number(field, field === 'flags' ? 255 : 65_535))}
          {type === 'CAA' && (
            <Select
              label={t('domains.records.tag')}
              name="tag"
              data={['issue', 'issuewild', 'iodef']}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('tag')}
              key={form.key('tag')}
            />
          )}
        </SimpleGrid>
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={create.isPending || update.isPending}>
          {t(record ? 'domains.save' : 'domains.records.add')}
        </Button>
      </Group>
    </form>
  );
}
