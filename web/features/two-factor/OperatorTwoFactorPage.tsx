import { Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { TwoFactorSettings } from './TwoFactorSettings.tsx';

/** S8 for operators: the own authenticator app, as customers have it. */
export function OperatorTwoFactorPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = api.useQuery('get', '/api/v1/operator/two-factor');
  const start = api.useMutation('post', '/api/v1/operator/two-factor/enrolment');
  const confirm = api.useMutation('post', '/api/v1/operator/two-factor/enrolment/confirm');
  const disable = api.useMutation('post', '/api/v1/operator/two-factor/disable');
  const renew = api.useMutation('post', '/api/v1/operator/two-factor/recovery-codes');
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
          changed: () =>
            void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/two-factor'] }),
        }}
      />
    </>
  );
}
