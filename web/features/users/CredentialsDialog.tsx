import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CredentialList, type Credentials } from '../../ui/CredentialList.tsx';

export interface ShownCredentials {
  credentials: Credentials;
  /** The person the credentials belong to. */
  name: string;
  /** Where the single-use reveal link went: the user's address, else the acting admin's; null: not sent. */
  sentTo: { email: string; own: boolean } | null;
  /** A new access key only: the user number and user name are the known ones. */
  rotated: boolean;
}

/** U2: credentials shown once after creating, reassigning or a new access key; each value can be copied. */
export function CredentialsDialog({
  shown,
  opened,
  onClose,
  onExitTransitionEnd,
}: {
  shown: ShownCredentials | null;
  opened: boolean;
  onClose: () => void;
  /** When the dialog is gone: where focus goes back to. */
  onExitTransitionEnd: () => void;
}) {
  const { t } = useTranslation();
  // On a phone the whole screen, so each value keeps room for its copy button.
  const small = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onExitTransitionEnd}
      title={shown ? t('credentials.title', { name: shown.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      // A click next to the dialog must not lose a key that is shown only once.
      closeOnClickOutside={false}
      size="lg"
      fullScreen={small}
    >
      {shown && (
        <>
          <Alert color="yellow" variant="light" title={t('reveal.onceTitle')} mb="md">
            {t('credentials.storeNow')}
          </Alert>
          <CredentialList credentials={shown.credentials} />
          {/* A long address breaks anywhere rather than widening the dialog past the copy buttons. */}
          <Text size="sm" mt="md" style={{ overflowWrap: 'anywhere' }}>
            {shown.rotated
              ? t('credentials.rotatedNotSent')
              : shown.sentTo === null
                ? t('credentials.notSent')
                : shown.sentTo.own
                  ? t('credentials.sentToUser', { email: shown.sentTo.email })
                  : t('credentials.sentToAdmin', { email: shown.sentTo.email })}
          </Text>
          <Group justify="flex-end" mt="lg">
            <Button onClick={onClose}>{t('credentials.done')}</Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
