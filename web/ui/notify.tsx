import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { i18n } from '../i18n/i18n.ts';

/**
 * Feedback after a change ("saved", "deleted"): a notification that screen readers announce politely
 * (role status) and that stays long enough to be read.
 */
export function notifyDone(message: string): void {
  notifications.show({
    message,
    color: 'teal',
    icon: <IconCheck size={18} aria-hidden />,
    role: 'status',
    autoClose: 8000,
    withBorder: true,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

/** Announces that something failed where no form or dialog is open to show it. */
export function notifyFailed(message: string): void {
  notifications.show({
    message,
    color: 'red',
    role: 'alert',
    autoClose: false,
    withBorder: true,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
