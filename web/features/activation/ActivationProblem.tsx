import { Alert, Anchor, Group, List, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../api/client.ts';
import { useProvider } from '../../app/provider.tsx';
import { displayName } from '../../ui/display-name.ts';

export type ActivationCheck = ApiResult<'/api/v1/activation/check', 'post'>;

/** S5: what happened to the link, and whom to ask for a new one: the account's admins, or the provider. */
export function ActivationProblem({ check }: { check: ActivationCheck }) {
  const { t } = useTranslation();
  const { provider } = useProvider();
  // The page shows this only for a link that cannot be used.
  const state = check.state === 'valid' ? 'accepted' : check.state;
  const accepted = state === 'accepted';
  return (
    <Stack>
      <Alert
        color={accepted ? 'blue' : 'red'}
        variant="light"
        role="alert"
        title={t(`activation.state.${state}.title`)}
      >
        {t(`activation.state.${state}.text`)}
      </Alert>
      {!accepted && check.askWhom === 'provider' && (
        <Text>
          {t('activation.askProvider', { provider: provider?.name ?? t('activation.theProvider') })}
          {(provider?.supportEmail || provider?.supportPhone) && ' '}
          {provider?.supportEmail && (
            <Anchor href={`mailto:${provider.supportEmail}`}>{provider.supportEmail}</Anchor>
          )}
          {provider?.supportEmail && provider?.supportPhone && ' · '}
          {provider?.supportPhone && (
            <Anchor href={`tel:${provider.supportPhone.replaceAll(' ', '')}`}>{provider.supportPhone}</Anchor>
          )}
        </Text>
      )}
      {!accepted && check.askWhom === 'admins' && (
        <>
          <Text>{t('activation.askAdmins', { account: check.accountName })}</Text>
          {check.admins.length > 0 && (
            <List>
              {check.admins.map((admin) => (
                <List.Item key={`${admin.email}${admin.lastName}`}>
                  {displayName(admin)}
                  {admin.email && (
                    <>
                      {', '}
                      <Anchor href={`mailto:${admin.email}`}>{admin.email}</Anchor>
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
      <Group>
        <Anchor component={Link} to="/sign-in">
          {t('links.goToSignIn')}
        </Anchor>
      </Group>
    </Stack>
  );
}
