import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PasswordField } from '../../ui/PasswordField.tsx';

/** Re-authentication before turning the second factor off or replacing the recovery codes. */
export function PasswordDialog({
  opened,
  title,
  intro,
  submitLabel,
  danger = false,
  onSubmit,
  onClose,
}: {
  opened: boolean;
  title: string;
  intro: string;
  submitLabel: string;
  danger?: boolean;
  onSubmit: (currentPassword: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const form = useKontorForm({
    initialValues: { currentPassword: '' },
    validate: { currentPassword: required },
  });
  const close = () => {
    form.reset();
    form.clearAlert();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <Text mb="md">{intro}</Text>
      <FormErrorAlert alert={form.alert} />
      <form
        ref={form.formRef}
        onSubmit={form.submit(async ({ currentPassword }) => {
          await onSubmit(currentPassword);
          form.reset();
        })}
        noValidate
      >
        <Stack>
          <PasswordField
            label={t('twoFactor.currentPassword')}
            name="currentPassword"
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
            key={form.key('currentPassword')}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={form.submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
