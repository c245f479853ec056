import { Button, Group, Modal, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../api/client.ts';
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
  onExitTransitionEnd,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Does the work; the caller closes the dialog (or opens the next one) when it succeeded. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** After the dialog has faded out; when given, it decides where focus goes (see use-return-focus.ts). */
  onExitTransitionEnd?: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      // A 401 has already ended the session (query-client.ts); anything else is read here and tried again.
      setError(asApiError(caught).message);
      setAttempt((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => undefined : onClose}
      returnFocus={onExitTransitionEnd === undefined}
      onExitTransitionEnd={() => {
        setError(null);
        onExitTransitionEnd?.();
      }}
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
