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
