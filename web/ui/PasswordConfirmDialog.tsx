import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from './ErrorAlert.tsx';
import { useKontorForm, useRequired } from './forms.ts';
import { PasswordField } from './PasswordField.tsx';

/**
 * Asks before a sensitive step, and for the person's own password (SECURITY.md 15): a wrong one is shown
 * under the field and the dialog stays open.
 */
export function PasswordConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  onExitTransitionEnd,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Does the work with the password given; the caller closes the dialog when it succeeded. */
  onConfirm: (currentPassword: string) => Promise<void>;
  onClose: () => void;
  onExitTransitionEnd?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={onExitTransitionEnd === undefined}
      onExitTransitionEnd={onExitTransitionEnd}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
      centered
    >
      {opened && (
        <PasswordConfirmForm confirmLabel={confirmLabel} onConfirm={onConfirm} onCancel={onClose}>
          {children}
        </PasswordConfirmForm>
      )}
    </Modal>
  );
}

function PasswordConfirmForm({
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  children: ReactNode;
  confirmLabel: string;
  onConfirm: (currentPassword: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const form = useKontorForm({
    initialValues: { currentPassword: '' },
    validate: { currentPassword: required },
  });
  const send = form.submit(async ({ currentPassword }) => {
    try {
      await onConfirm(currentPassword);
    } catch (error) {
      form.setFieldValue('currentPassword', '');
      throw error;
    }
  });
  return (
    <form ref={form.formRef} onSubmit={send} noValidate>
      <FormErrorAlert alert={form.alert} />
      {typeof children === 'string' ? <Text mb="md">{children}</Text> : children}
      <PasswordField
        label={t('changePassword.current')}
        description={t('common.reauthenticate')}
        autoComplete="current-password"
        required
        data-autofocus
        {...form.getInputProps('currentPassword')}
      />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel} disabled={form.submitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={form.submitting}>
          {confirmLabel}
        </Button>
      </Group>
    </form>
  );
}
