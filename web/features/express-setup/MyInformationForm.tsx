import { SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { changeLocale, isLocale, type Locale, localeNames, locales } from '../../i18n/i18n.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { countryOptions } from '../domain-contacts/countries.ts';
import { dateFormats, useExpressSetupChanged } from './express-setup-data.ts';
import { StepActions, type StepFormProps } from './StepActions.tsx';

interface Values {
  [key: string]: unknown;
  mobilePhone: string;
  landlinePhone: string;
  locale: Locale;
  timeZone: string;
  country: string;
  dateFormat: (typeof dateFormats)[number];
  timeFormat: '24h' | '12h';
}

const timeZones = Intl.supportedValuesOf('timeZone');

/** T1: the user's own phone numbers and region settings; the region comes from the account by default. */
export function MyInformationForm({ setup, accountId, onSaved, submitLabel, actions }: StepFormProps) {
  const { t, i18n } = useTranslation();
  const uiLocale = isLocale(i18n.language) ? i18n.language : 'de';
  const required = useRequired();
  const timeFormatLabel = useId();
  const { customerUserChanged } = useSession();
  const changed = useExpressSetupChanged();
  const save = api.useMutation('put', '/api/v1/accounts/{accountId}/express-setup/my-information');
  const { mine } = setup;
  const form = useKontorForm<Values>({
    initialValues: {
      mobilePhone: mine.mobilePhoneFormatted ?? '',
      landlinePhone: mine.landlinePhoneFormatted ?? '',
      locale: mine.locale,
      timeZone: mine.timeZone,
      country: mine.country,
      dateFormat: mine.dateFormat,
      timeFormat: mine.timeFormat,
    },
    validate: { timeZone: required, country: required },
  });

  const send = async (values: Values) => {
    await save.mutateAsync({
      params: { path: { accountId } },
      body: {
        ...values,
        mobilePhone: values.mobilePhone.trim() || null,
        landlinePhone: values.landlinePhone.trim() || null,
      },
    });
    await changed();
    if (values.locale !== uiLocale) {
      customerUserChanged({ locale: values.locale });
      await changeLocale(values.locale);
    }
    await onSaved();
  };

  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <Text>{t('expressSetup.myInformation.intro')}</Text>
        <Title order={3}>{t('expressSetup.myInformation.contact')}</Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            type="tel"
            label={t('expressSetup.myInformation.mobilePhone')}
            autoComplete="tel"
            {...form.getInputProps('mobilePhone')}
            key={form.key('mobilePhone')}
          />
          <TextInput
            type="tel"
            label={t('expressSetup.myInformation.landlinePhone')}
            autoComplete="off"
            {...form.getInputProps('landlinePhone')}
            key={form.key('landlinePhone')}
          />
        </SimpleGrid>
        <Title order={3}>{t('expressSetup.myInformation.region')}</Title>
        <Text size="sm" c="dimmed">
          {t('expressSetup.myInformation.regionDefault')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label={t('expressSetup.myInformation.locale')}
            data={locales.map((value) => ({ value, label: localeNames[value] }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
            key={form.key('locale')}
          />
          <Select
            label={t('expressSetup.myInformation.timeZone')}
            data={timeZones}
            searchable
            allowDeselect={false}
            required
            {...form.getInputProps('timeZone')}
            key={form.key('timeZone')}
          />
          <Select
            label={t('expressSetup.myInformation.country')}
            data={countryOptions(uiLocale)}
            searchable
            allowDeselect={false}
            required
            {...form.getInputProps('country')}
            key={form.key('country')}
          />
          <Select
            label={t('expressSetup.myInformation.dateFormat')}
            data={dateFormats.map((value) => ({ value, label: value }))}
            allowDeselect={false}
            {...form.getInputProps('dateFormat')}
            key={form.key('dateFormat')}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={timeFormatLabel}>
            {t('expressSetup.myInformation.timeFormat')}
          </Text>
          <SegmentedControl
            aria-labelledby={timeFormatLabel}
            data={(['24h', '12h'] as const).map((value) => ({
              value,
              label: t(`expressSetup.myInformation.timeFormats.${value}`),
            }))}
            {...form.getInputProps('timeFormat')}
            key={form.key('timeFormat')}
          />
        </Stack>
      </Stack>
      <StepActions submitLabel={submitLabel} actions={actions} loading={save.isPending} />
    </form>
  );
}
