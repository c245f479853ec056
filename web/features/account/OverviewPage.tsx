import { DataList, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePermissionNames } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { displayName } from '../../ui/display-name.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ProviderAccessSection } from '../acting/ProviderAccessSection.tsx';
import { MyDetailsForm } from './MyDetailsForm.tsx';

/** The account's start page: who is signed in, and the data the desktop program needs. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { user, account } = useCustomer();
  const permissionNames = usePermissionNames();
  // The program signs in with the person's own account's numbers, also while they act in another one.
  const programLogin = user.homeCustomerNumber
    ? [
        { label: t('account.customerNumber'), value: user.homeCustomerNumber, monospace: true },
        { label: t('account.userNumber'), value: user.userNumber, monospace: true },
        { label: t('account.username'), value: user.username },
      ]
    : [];
  const items = [
    { label: t('account.company'), value: account.name },
    ...programLogin,
    { label: t('account.email'), value: user.email ?? t('account.noEmail') },
    { label: t('account.role'), value: t(`roles.${account.role}`) },
    ...(account.role === 'member'
      ? [
          {
            label: t('account.permissions'),
            value: permissionNames(account.permissions),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageTitle>{t('account.overview')}</PageTitle>
      <Text size="lg" mb="lg">
        {t('account.greeting', { name: displayName(user) })}
      </Text>
      <section aria-labelledby="program-data-title">
        <Title order={2} size="h4" id="program-data-title" mb="xs">
          {t('account.programData')}
        </Title>
        <Text c="dimmed" size="sm" mb="md">
          {user.homeCustomerNumber ? t('account.programDataHint') : t('account.personalLoginHint')}
        </Text>
        <DataList labelWidth={180} withDivider>
          {items.map((item) => (
            <DataList.Item key={item.label}>
              <DataList.ItemLabel>{item.label}</DataList.ItemLabel>
              <DataList.ItemValue ff={item.monospace ? 'monospace' : undefined}>
                {item.value}
              </DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      </section>
      <section aria-labelledby="my-details-title">
        <Title order={2} size="h4" id="my-details-title" mt="xl" mb="xs">
          {t('myDetails.title')}
        </Title>
        <Text c="dimmed" size="sm" mb="md">
          {t('myDetails.intro')}
        </Text>
        <MyDetailsForm />
      </section>
      {account.role !== 'member' && <ProviderAccessSection />}
    </>
  );
}
