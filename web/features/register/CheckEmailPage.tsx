import { Anchor, List, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../../app/router.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ResendConfirmation } from './ResendConfirmation.tsx';

/** What the registration hands over (in history state, never in the URL). */
export interface CheckEmailState {
  email?: string;
}

/** After registering: the same page whether or not the address was already registered (ASVS 6.3.8). */
export function CheckEmailPage() {
  const { t } = useTranslation();
  const { state } = useLocation();
  const { email } = (state ?? {}) as CheckEmailState;
  return (
    <Paper maw={560} mx="auto" p="lg" withBorder>
      <PageTitle>{t('checkEmail.title')}</PageTitle>
      <Text mb="md">{email ? t('checkEmail.sentTo', { email }) : t('checkEmail.sent')}</Text>
      <List spacing="xs" mb="md">
        <List.Item>{t('checkEmail.confirm')}</List.Item>
        <List.Item>{t('checkEmail.contents')}</List.Item>
      </List>
      <Text size="sm" c="dimmed" mb="xs">
        {t('checkEmail.nothingArrived')}
      </Text>
      <ResendConfirmation initialEmail={email} />
      <Anchor component={Link} href="/sign-in">
        {t('links.goToSignIn')}
      </Anchor>
    </Paper>
  );
}
