import { Button, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { useSwitchAccount } from '../../app/use-switch-account.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

/** M2: after sign-in, a person with several accounts says which one they act in. */
export function ChooseAccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { account, memberships } = useCustomer();
  const { switchAccount, isPending } = useSwitchAccount();
  const [error, setError] = useState<string | null>(null);

  const choose = async (accountId: string) => {
    setError(null);
    try {
      if (accountId !== account.id) await switchAccount(accountId);
      await navigate({ to: '/account' });
    } catch (caught) {
      setError(asApiError(caught).message);
    }
  };

  return (
    <>
      <PageTitle>{t('accountSwitch.chooseTitle')}</PageTitle>
      <Text mb="md">{t('accountSwitch.chooseIntro')}</Text>
      <ErrorAlert message={error} />
      <Stack gap="sm" maw={520} component="ul" style={{ listStyle: 'none', padding: 0 }}>
        {memberships.map((membership) => (
          <li key={membership.accountId}>
            <Button
              variant={membership.accountId === account.id ? 'light' : 'default'}
              fullWidth
              h="auto"
              py="sm"
              justify="flex-start"
              disabled={isPending}
              onClick={() => choose(membership.accountId)}
            >
              <Stack gap={0} align="flex-start">
                <Text fw={600} inherit>
                  {membership.name}
                </Text>
                <Text size="sm" inherit>
                  {t('layout.customerNumber', { customerNumber: membership.customerNumber })} ·{' '}
                  {t(`roles.${membership.role}`)}
                </Text>
              </Stack>
            </Button>
          </li>
        ))}
      </Stack>
    </>
  );
}
