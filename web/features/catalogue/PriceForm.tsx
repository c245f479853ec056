import { Button, Group, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { formatMoney, parseEuros, parsePercent } from './money.ts';

const vatChoices = ['1900', '700', '0', 'other'] as const;

interface Values {
  [key: string]: unknown;
  netCents: string;
  vat: (typeof vatChoices)[number];
  vatRateBp: string;
  start: 'now' | 'later';
  validFrom: string;
}

/** A new price of a service: net in euros, VAT 19 %, 7 %, 0 % or another rate, from now or a later moment. */
export function PriceForm({
  serviceId,
  onDone,
  onCancel,
}: {
  serviceId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const vatLabel = useId();
  const add = api.useMutation('post', '/api/v1/operator/services/{serviceId}/prices');
  const form = useKontorForm<Values>({
    initialValues: { netCents: '', vat: '1900', vatRateBp: '', start: 'now', validFrom: '' },
    validate: {
      netCents: (value) => (parseEuros(String(value)) === null ? t('catalogue.netRule') : null),
      vatRateBp: (value, values) =>
        values.vat === 'other' && parsePercent(String(value)) === null ? t('catalogue.vatRule') : null,
      validFrom: (value, values) => {
        if (values.start === 'now') return null;
        const moment = new Date(String(value));
        return Number.isNaN(moment.getTime()) || moment.getTime() <= Date.now()
          ? t('catalogue.validFromRule')
          : null;
      },
    },
  });
  const values = form.getValues();
  const netCents = parseEuros(values.netCents);
  const vatRateBp = values.vat === 'other' ? parsePercent(values.vatRateBp) : Number(values.vat);

  const send = async (submitted: Values) => {
    await add.mutateAsync({
      params: { path: { serviceId } },
      body: {
        netCents: parseEuros(submitted.netCents) ?? 0,
        vatRateBp:
          (submitted.vat === 'other' ? parsePercent(submitted.vatRateBp) : Number(submitted.vat)) ?? 0,
        // datetime-local is the browser's local time; the API takes an instant.
        ...(submitted.start === 'later' ? { validFrom: new Date(submitted.validFrom).toISOString() } : {}),
      },
    });
    for (const path of [
      '/api/v1/operator/services',
      '/api/v1/operator/services/{serviceId}',
      '/api/v1/operator/audit',
    ] as const) {
      await queryClient.invalidateQueries({ queryKey: ['get', path] });
    }
    onDone();
  };

  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <TextInput
          label={t('catalogue.net')}
          description={t('catalogue.netHint')}
          name="netCents"
          inputMode="decimal"
          rightSection="€"
          required
          data-autofocus
          {...form.getInputProps('netCents')}
          key={form.key('netCents')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={vatLabel}>
            {t('catalogue.vatRate')}
          </Text>
          <SegmentedControl
            aria-labelledby={vatLabel}
            data={vatChoices.map((value) => ({
              value,
              label: value === 'other' ? t('catalogue.vatOther') : `${Number(value) / 100} %`,
            }))}
            {...form.getInputProps('vat')}
            key={form.key('vat')}
          />
        </Stack>
        {values.vat === 'other' && (
          <TextInput
            label={t('catalogue.vatOtherLabel')}
            name="vatRateBp"
            inputMode="decimal"
            rightSection="%"
            required
            {...form.getInputProps('vatRateBp')}
            key={form.key('vatRateBp')}
          />
        )}
        <Radio.Group
          label={t('catalogue.validFrom')}
          {...form.getInputProps('start')}
          key={form.key('start')}
        >
          <Stack gap="xs" mt={4}>
            <Radio value="now" label={t('catalogue.startNow')} />
            <Radio value="later" label={t('catalogue.startLater')} />
          </Stack>
        </Radio.Group>
        {values.start === 'later' && (
          <TextInput
            type="datetime-local"
            label={t('catalogue.validFromLabel')}
            description={t('catalogue.validFromHint')}
            name="validFrom"
            required
            {...form.getInputProps('validFrom')}
            key={form.key('validFrom')}
          />
        )}
        {netCents !== null && vatRateBp !== null && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('catalogue.grossPreview', {
              gross: formatMoney(netCents + Math.round((netCents * vatRateBp) / 10_000), i18n.language),
            })}
          </Text>
        )}
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={add.isPending}>
          {t('catalogue.addPrice')}
        </Button>
      </Group>
    </form>
  );
}
