import { Switch, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCan } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { TwoFactorSettings } from './TwoFactorSettings.tsx';

/** S8 for a customer user: the own authenticator app; for admins also the account's rule for everyone. */
export function MyTwoFactorPage() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const can = useCan();
  const queryClient = useQueryClient();
  const status = api.useQuery('get', '/api/v1/me/two-factor');
  const start = api.useMutation('post', '/api/v1/me/two-factor/enrolment');
  const confirm = api.useMutation('post', '/api/v1/me/two-factor/enrolment/confirm');
  const disable = api.useMutation('post', '/api/v1/me/two-factor/disable');
  const renew = api.useMutation('post', '/api/v1/me/two-factor/recovery-codes');
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/me/two-factor'] });
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/audit'] });
  };
  return (
    <>
      <PageTitle>{t('twoFactor.title')}</PageTitle>
      <Text mb="md">{t('twoFactor.intro')}</Text>
      <ErrorAlert message={status.error?.message} />
      <TwoFactorSettings
        status={status.data}
        calls={{
          start: () => start.mutateAsync({}),
          confirm: async (code) => (await confirm.mutateAsync({ body: { code } })).recoveryCodes,
          disable: (currentPassword) => disable.mutateAsync({ body: { currentPassword } }),
          renew: async (currentPassword) =>
            (await renew.mutateAsync({ body: { currentPassword } })).recoveryCodes,
          changed,
        }}
      />
      {can('account.edit') && <AccountPolicy accountId={account.id} onChange={changed} />}
    </>
  );
}

/** The account's admins require a second factor of everyone; members enrol at their next sign-in. */
function AccountPolicy({ accountId, onChange }: { accountId: string; onChange: () => void }) {
  const { t } = useTranslation();
  const params = { params: { path: { accountId } } };
  const policy = api.useQuery('get', '/api/v1/accounts/{accountId}/two-factor-policy', params);
  const change = api.useMutation('put', '/api/v1/accounts/{accountId}/two-factor-policy');
  const queryClient = useQueryClient();
  // The switch moves at once; a refusal moves it back (and is shown above it).
  const [asked, setAsked] = useState<boolean | null>(null);
  const set = async (required: boolean) => {
    setAsked(required);
    try {
      const saved = await change.mutateAsync({ ...params, body: { required } });
      queryClient.setQueryData(['get', '/api/v1/accounts/{accountId}/two-factor-policy', params], saved);
      notifyDone(t(required ? 'twoFactor.policyOnDone' : 'twoFactor.policyOffDone'));
      onChange();
    } finally {
      setAsked(null);
    }
  };
  return (
    <section aria-labelledby="two-factor-policy-title">
      <Title order={2} size="h4" id="two-factor-policy-title" mt="xl" mb="xs">
        {t('twoFactor.policyTitle')}
      </Title>
      <ErrorAlert message={policy.error?.message ?? change.error?.message} />
      <Switch
        label={t('twoFactor.policyLabel')}
        description={t('twoFactor.policyHint')}
        checked={asked ?? policy.data?.required ?? false}
        disabled={!policy.data || change.isPending}
        onChange={(event) => void set(event.currentTarget.checked).catch(() => undefined)}
      />
    </section>
  );
}
