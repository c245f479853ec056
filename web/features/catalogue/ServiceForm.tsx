import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';

export type Service = ApiResult<'/api/v1/operator/services/{serviceId}'>;
type Unit = Service['unit'];
type Adapter = Service['adapter'];

export const units: readonly Unit[] = ['request', 'message', 'page'];
const adapters: readonly Adapter[] = ['demo', 'http'];
const codePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Values {
  [key: string]: unknown;
  code: string;
  names: { de: string; en: string; hu: string };
  unit: Unit;
  adapter: Adapter;
  providerUrl: string;
  active: boolean;
}

/** P4, D1: add a service (with its code) or change one (the code is fixed); the server names what it refuses. */
export function ServiceForm({
  service,
  onDone,
  onCancel,
}: {
  service?: Service;
  onDone: (saved: Service) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = useRequired();
  const adapterLabel = useId();
  const create = api.useMutation('post', '/api/v1/operator/services');
  const update = api.useMutation('patch', '/api/v1/operator/services/{serviceId}');
  const form = useKontorForm<Values>({
    initialValues: {
      code: service?.code ?? '',
      names: service?.names ?? { de: '', en: '', hu: '' },
      unit: service?.unit ?? 'request',
      adapter: service?.adapter ?? 'demo',
      providerUrl: service?.providerUrl ?? '',
      active: service?.active ?? true,
    },
    validate: {
      code: (value) =>
        service
          ? null
          : (required(value) ?? (codePattern.test(String(value).trim()) ? null : t('catalogue.codeRule'))),
      names: { de: required, en: required, hu: required },
      providerUrl: (value, values) => (values.adapter === 'http' ? required(value) : null),
    },
  });
  const adapter = form.getValues().adapter;

  const send = async (values: Values) => {
    const fields = {
      names: { de: values.names.de.trim(), en: values.names.en.trim(), hu: values.names.hu.trim() },
      unit: values.unit,
      adapter: values.adapter,
      providerUrl: values.adapter === 'http' ? values.providerUrl.trim() : null,
      active: values.active,
    };
    const saved = service
      ? await update.mutateAsync({ params: { path: { serviceId: service.id } }, body: fields })
      : await create.mutateAsync({ body: { ...fields, code: values.code.trim() } });
    for (const path of [
      '/api/v1/operator/services',
      '/api/v1/operator/services/{serviceId}',
      '/api/v1/operator/audit',
    ] as const) {
      await queryClient.invalidateQueries({ queryKey: ['get', path] });
    }
    onDone(saved);
  };

  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        {service ? (
          <Text size="sm">
            {t('catalogue.code')}:{' '}
            <Text span ff="monospace">
              {service.code}
            </Text>
          </Text>
        ) : (
          <TextInput
            label={t('catalogue.code')}
            description={t('catalogue.codeHint')}
            name="code"
            autoComplete="off"
            required
            data-autofocus
            {...form.getInputProps('code')}
            key={form.key('code')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {(['de', 'en', 'hu'] as const).map((locale) => (
            <TextInput
              key={form.key(`names.${locale}`)}
              label={t(`catalogue.names.${locale}`)}
              name={`names.${locale}`}
              lang={locale}
              required
              {...form.getInputProps(`names.${locale}`)}
            />
          ))}
        </SimpleGrid>
        <NativeSelect
          label={t('catalogue.unit')}
          description={t('catalogue.unitHint')}
          data={units.map((value) => ({ value, label: t(`catalogue.units.${value}`) }))}
          {...form.getInputProps('unit')}
          key={form.key('unit')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={adapterLabel}>
            {t('catalogue.adapter')}
          </Text>
          <SegmentedControl
            aria-labelledby={adapterLabel}
            data={adapters.map((value) => ({ value, label: t(`catalogue.adapters.${value}`) }))}
            {...form.getInputProps('adapter')}
            key={form.key('adapter')}
          />
        </Stack>
        {adapter === 'http' && (
          <TextInput
            type="url"
            label={t('catalogue.providerUrl')}
            description={t('catalogue.providerUrlHint')}
            name="providerUrl"
            autoComplete="url"
            required
            {...form.getInputProps('providerUrl')}
            key={form.key('providerUrl')}
          />
        )}
        <Checkbox
          label={t('catalogue.activeLabel')}
          description={t('catalogue.activeHint')}
          {...form.getInputProps('active', { type: 'checkbox' })}
          key={form.key('active')}
        />
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={create.isPending || update.isPending}>
          {t(service ? 'catalogue.save' : 'catalogue.create')}
        </Button>
      </Group>
    </form>
  );
}
