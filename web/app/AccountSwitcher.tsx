import { Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconSelector } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../api/client.ts';
import { notifyDone, notifyFailed } from '../ui/notify.tsx';
import type { CustomerSession } from './session.tsx';
import { useSwitchAccount } from './use-switch-account.ts';

/**
 * The account a person acts in, always in view: name and customer number. With several accounts it is a
 * menu of the others, one click each.
 */
export function AccountSwitcher({ session }: { session: CustomerSession }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { switchAccount } = useSwitchAccount();
  const { account, memberships } = session;
  const label = (
    <Stack gap={0} miw={0}>
      <Text size="sm" fw={600} truncate>
        {account.name}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {t('layout.customerNumber', { customerNumber: account.customerNumber })}
      </Text>
    </Stack>
  );
  const others = memberships.filter((membership) => membership.accountId !== account.id);
  if (others.length === 0) return label;

  const choose = async (accountId: string) => {
    try {
      const next = await switchAccount(accountId);
      notifyDone(t('accountSwitch.switched', { name: next.account.name }));
      await navigate({ to: '/account' });
    } catch (caught) {
      notifyFailed(asApiError(caught).message);
    }
  };
  return (
    <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('accountSwitch.menu', { name: account.name, customerNumber: account.customerNumber })}
          style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 }}
        >
          {label}
          <IconSelector size={16} aria-hidden />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('accountSwitch.switchTo')}</Menu.Label>
        {others.map((membership) => (
          <Menu.Item key={membership.accountId} onClick={() => choose(membership.accountId)}>
            <Text size="sm" fw={600}>
              {membership.name}
            </Text>
            <Text size="xs">{t('layout.customerNumber', { customerNumber: membership.customerNumber })}</Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
