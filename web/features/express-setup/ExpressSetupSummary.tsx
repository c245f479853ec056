import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocale, localeNames } from '../../i18n/i18n.ts';
import { countryName } from '../domain-contacts/countries.ts';
import { defaultClientKind, type ExpressSetup } from './express-setup-data.ts';

/** T1's "done": what the express setup has set, step by step. */
export function ExpressSetupSummary({ setup }: { setup: ExpressSetup }) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'de';
  const { company, mine } = setup;
  const phones = setup.phones.map((phone) => phone.name).join(', ');
  const numbers = [mine.mobilePhoneFormatted, mine.landlinePhoneFormatted].filter(Boolean).join(', ');
  const rows = [
    ['companyGreeting', company.greeting],
    ['operator', company.operator.name],
    [
      'myInformation',
      [
        numbers || t('expressSetup.summary.noNumbers'),
        localeNames[mine.locale],
        mine.timeZone,
        countryName(mine.country, locale),
        mine.dateFormat,
        t(`expressSetup.myInformation.timeFormats.${mine.timeFormat}`),
      ].join(' · '),
    ],
    ['phones', phones || t('expressSetup.phones.none')],
    ['voicemail', mine.voicemailGreeting],
    ['client', t(`expressSetup.client.kinds.${mine.clientKind ?? defaultClientKind}`)],
  ] as const;
  return (
    <List spacing="sm" listStyleType="none" aria-label={t('expressSetup.summary.caption')}>
      {rows.map(([step, value]) => (
        <List.Item key={step}>
          <Text fw={500}>{t(`expressSetup.steps.${step}`)}</Text>
          <Text data-testid={`summary-${step}`}>{value}</Text>
        </List.Item>
      ))}
    </List>
  );
}
