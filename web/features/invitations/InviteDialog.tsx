import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NotificationCategory } from '../../../src/shared/notification-categories.ts';
import { api } from '../../api/client.ts';
import type { Permission } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { notifyDone } from '../../ui/notify.tsx';
import { CategoryChoice } from '../contacts/CategoryChoice.tsx';
import { PermissionChoice } from '../users/PermissionChoice.tsx';
import { usersChanged } from '../users/users-changed.ts';

/** M1: invite a person by e-mail with the permissions they will hold (only ones the inviter holds). */
export function InviteDialog({
  opened,
  onClose,
  onExitTransitionEnd,
}: {
  opened: boolean;
  onClose: () => void;
  onExitTransitionEnd: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onExitTransitionEnd}
      title={t('invitations.inviteTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {opened && <InviteForm onDone={onClose} />}
    </Modal>
  );
}

interface Offer {
  [key: string]: unknown;
  email: string;
  permissions: Permission[];
  categories: NotificationCategory[];
}

function InviteForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const required = useRequired();
  const queryClient = useQueryClient();
  const invite = api.useMutation('post', '/api/v1/accounts/{accountId}/invitations');
  const form = useKontorForm<Offer>({
    initialValues: { email: '', permissions: [], categories: [] },
    validate: { email: required },
  });
  const send = async (values: Offer) => {
    const sent = await invite.mutateAsync({
      params: { path: { accountId: account.id } },
      body: { ...values, email: values.email.trim() },
    });
    void usersChanged(queryClient);
    notifyDone(t('invitations.sent', { email: sent.email }));
    onDone();
  };
  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <TextInput
          type="email"
          label={t('invitations.email')}
          description={t('invitations.emailHint')}
          autoComplete="off"
          required
          data-autofocus
          {...form.getInputProps('email')}
        />
        <PermissionChoice {...form.getInputProps('permissions')} />
        <CategoryChoice label={t('invitations.categories')} {...form.getInputProps('categories')} />
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={invite.isPending}>
          {t('invitations.send')}
        </Button>
      </Group>
    </form>
  );
}
