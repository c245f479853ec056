import { Button, Group, Modal, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../app/api.ts';
import { useSession } from '../app/session.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

/**
 * Asks before something that cannot be undone. Focus is trapped in the dialog and starts on "Cancel"; a
 * failure is shown inside the dialog, so the person can read it and decide again.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Does the work; the caller closes the dialog (or opens the next one) when it succeeded. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { signedOut } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      const apiError = asApiError(caught);
      if (apiError.status === 401) return signedOut();
      setError(apiError.message);
      setAttempt((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => undefined : onClose}
      onExitTransitionEnd={() => setError(null)}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <ErrorAlert key={attempt} message={error} />
      {typeof children === 'string' ? <Text>{children}</Text> : children}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color={danger ? 'red' : undefined} onClick={confirm} loading={busy}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
