import { EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle.tsx';

export function CustomerAccountsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('operator.customerAccounts')}</PageTitle>
      <EmptyState withIndicatorBackground py="xl">
        <EmptyState.Title order={2}>{t('operator.noAccountsTitle')}</EmptyState.Title>
        <EmptyState.Description>{t('operator.noAccountsDescription')}</EmptyState.Description>
      </EmptyState>
    </>
  );
}
