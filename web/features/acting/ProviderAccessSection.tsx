import { Switch, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../api/client.ts';
import { useProvider } from '../../app/provider.tsx';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifyDone } from '../../ui/notify.tsx';

/**
 * Issue 16, item 2: whether the provider's support may act in the account on its order (seed 003), or only
 * provision it. The owner decides; admins see what holds.
 */
export function ProviderAccessSection() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const { provider } = useProvider();
  const providerName = provider?.name ?? '';
  const queryClient = useQueryClient();
  const params = { params: { path: { accountId: account.id } } };
  const access = api.useQuery('get', '/api/v1/accounts/{accountId}/provider-access', params);
  const save = api.useMutation('put', '/api/v1/accounts/{accountId}/provider-access');
  const [problem, setProblem] = useState<string | null>(null);
  if (!access.data) return null;
  const change = async (allowed: boolean) => {
    setProblem(null);
    try {
      await save.mutateAsync({ ...params, body: { allowed } });
      await queryClient.invalidateQueries({
        queryKey: ['get', '/api/v1/accounts/{accountId}/provider-access'],
      });
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/audit'] });
      notifyDone(t(allowed ? 'onOrder.allowedDone' : 'onOrder.offDone', { provider: providerName }));
    } catch (caught) {
      setProblem(asApiError(caught).message);
    }
  };
  return (
    <section aria-labelledby="provider-access-title">
      <Title order={2} size="h4" id="provider-access-title" mt="xl" mb="xs">
        {t('onOrder.accountTitle', { provider: providerName })}
      </Title>
      <Switch
        checked={access.data.allowed}
        disabled={account.role !== 'owner' || save.isPending}
        onChange={(event) => void change(event.currentTarget.checked)}
        label={t('onOrder.switchLabel', { provider: providerName })}
        description={t('onOrder.switchHint')}
      />
      {account.role !== 'owner' && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('onOrder.ownerDecides')}
        </Text>
      )}
      <ErrorAlert message={problem} />
    </section>
  );
}
