import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { AccountHostedProducts } from '../hosted-products/AccountHostedProducts.tsx';
import { SubscriptionsSection } from './SubscriptionsSection.tsx';

/** P4: "Products & services", the account's subscriptions; its owner and admins book and end them here. */
export function ProductsPage() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const can = useCan();
  const admin = account.role === 'owner' || account.role === 'admin';
  return (
    <>
      <PageTitle>{t('products.title')}</PageTitle>
      {can('products.view') ? (
        <>
          <Text mb="md">{t(admin ? 'products.introAdmin' : 'products.intro')}</Text>
          <SubscriptionsSection
            source={{ accountId: account.id }}
            canChange={admin}
            caption={t('products.caption')}
            timeZone={account.timeZone}
          />
          <AccountHostedProducts accountId={account.id} />
        </>
      ) : (
        <Alert color="gray" variant="light">
          {t('products.notAllowed')}
        </Alert>
      )}
    </>
  );
}
