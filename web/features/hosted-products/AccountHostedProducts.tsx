import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { HostedProductsTable } from './HostedProductsTable.tsx';

/** D1: on "Products & services", the products the provider hosts for the account (read only). */
export function AccountHostedProducts({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { data, error, isPending } = api.useQuery('get', '/api/v1/accounts/{accountId}/hosted-products', {
    params: { path: { accountId } },
  });
  return (
    <Stack component="section" aria-labelledby="hosted-products-title" gap="md" mt="xl">
      <Title order={2} size="h4" id="hosted-products-title">
        {t('hostedProducts.title')}
      </Title>
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && <HostedProductsTable items={data.items} />}
    </Stack>
  );
}
