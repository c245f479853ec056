// P2, P3, P5: the account customers pay to (printed with a GiroCode on every invoice from now on), the SEPA
// creditor identifier for direct debits, and the days after which reminders go out.
import { Button, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';

type Settings = ApiResult<'/api/v1/operator/payment-settings'>;
const texts = ['bankAccountHolder', 'iban', 'bic', 'creditorId'] as const;
const numbers = ['firstReminderDays', 'secondReminderDays', 'directDebitNoticeDays'] as const;
type Values = Record<(typeof texts)[number], string> & Record<(typeof numbers)[number], number>;

const valuesOf = (settings: Settings): Values => ({
  bankAccountHolder: settings.bankAccountHolder ?? '',
  iban: settings.iban ?? '',
  bic: settings.bic ?? '',
  creditorId: settings.creditorId ?? '',
  firstReminderDays: settings.firstReminderDays,
  secondReminderDays: settings.secondReminderDays,
  directDebitNoticeDays: settings.directDebitNoticeDays,
});

export function PaymentSettingsSection() {
  const { t } = useTranslation();
  const settings = api.useQuery('get', '/api/v1/operator/payment-settings');
  return (
    <section aria-labelledby="payment-settings-title">
      <Title order={2} size="h4" id="payment-settings-title" mt="xl" mb="xs">
        {t('paymentSettings.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('paymentSettings.intro')}
      </Text>
      <ErrorAlert message={settings.error?.message} />
      {settings.isPending && <Loading />}
      {settings.data && <PaymentSettingsForm settings={settings.data} />}
    </section>
  );
}

function PaymentSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = api.useMutation('put', '/api/v1/operator/payment-settings');
  const form = useKontorForm<Values>({ initialValues: valuesOf(settings) });
  const submit = form.submit(async (values) => {
    const body = {
      ...Object.fromEntries(texts.map((field) => [field, values[field].trim() || null])),
      ...Object.fromEntries(numbers.map((field) => [field, Number(values[field])])),
    } as Settings;
    const saved = await save.mutateAsync({ body });
    form.setInitialValues(valuesOf(saved));
    form.setValues(valuesOf(saved));
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/payment-settings'] });
    notifyDone(t('paymentSettings.saved'));
  });
  const input = (name: keyof Values, description?: string) => ({
    ...form.getInputProps(name),
    key: form.key(name),
    name,
    label: t(`paymentSettings.${name}`),
    description,
  });
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack maw={640}>
        <TextInput {...input('bankAccountHolder')} autoComplete="organization" />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput {...input('iban')} spellCheck={false} />
          <TextInput {...input('bic')} spellCheck={false} maxLength={11} />
        </SimpleGrid>
        <TextInput {...input('creditorId', t('paymentSettings.creditorIdHint'))} spellCheck={false} />
        {/* One below the other on a phone: three side by side cut the labels off. */}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            {...input('firstReminderDays', t('paymentSettings.firstReminderDaysHint'))}
            min={1}
            max={90}
          />
          <NumberInput
            {...input('secondReminderDays', t('paymentSettings.secondReminderDaysHint'))}
            min={1}
            max={90}
          />
          <NumberInput
            {...input('directDebitNoticeDays', t('paymentSettings.directDebitNoticeDaysHint'))}
            min={1}
            max={90}
          />
        </SimpleGrid>
        <Button type="submit" loading={form.submitting} w="fit-content">
          {t('paymentSettings.save')}
        </Button>
      </Stack>
    </form>
  );
}
