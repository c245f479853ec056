import { Anchor, List, Paper, Text } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ResendConfirmation } from './ResendConfirmation.tsx';

/** After registering: the same page whether or not the address was already registered (ASVS 6.3.8). */
export function CheckEmailPage() {
  const { t } = useTranslation();
  // Handed over by the registration in history state, never in the URL.
  const email = useRouterState({ select: (state) => state.location.state.email });
  return (
    <Paper maw={560} mx="auto" p="lg" withBorder>
      <PageTitle>{t('checkEmail.title')}</PageTitle>
      {/* A long address breaks rather than running out of the box at phone width. */}
      <Text mb="md" style={{ overflowWrap: 'anywhere' }}>
        {email ? t('checkEmail.sentTo', { email }) : t('checkEmail.sent')}
      </Text>
      <List spacing="xs" mb="md">
        <List.Item>{t('checkEmail.confirm')}</List.Item>
        <List.Item>{t('checkEmail.contents')}</List.Item>
      </List>
      <Text size="sm" c="dimmed" mb="xs">
        {t('checkEmail.nothingArrived')}
      </Text>
      <ResendConfirmation initialEmail={email} />
      <Anchor component={Link} to="/sign-in">
        {t('links.goToSignIn')}
      </Anchor>
    </Paper>
  );
}
