import { Button, Group, Modal, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PersonName } from '../../../src/shared/names.ts';
import { api } from '../../api/client.ts';
import { type Permission, permissions, useCan } from '../../app/permissions.ts';
import { useCustomer } from '../../app/session.tsx';
import { displayName } from '../../ui/display-name.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { notifyDone } from '../../ui/notify.tsx';
import { PermissionChoice } from './PermissionChoice.tsx';
import { usersChanged } from './users-changed.ts';

/** A member of the account: its own user or an invited person. */
export type PermissionHolder = PersonName & { id: string; permissions: Permission[] };

/**
 * M3: a member's permissions, one box each. Boxes for permissions the viewer does not hold are locked:
 * nobody hands out or takes away more than they have themselves (the server says so too).
 */
export function PermissionsDialog({
  user,
  opened,
  onClose,
  onExitTransitionEnd,
}: {
  /** The member last asked about (kept while the dialog fades out). */
  user: PermissionHolder | null;
  opened: boolean;
  onClose: () => void;
  onExitTransitionEnd: () => void;
}) {
  const { t } = useTranslation();
  const name = user ? displayName(user) : '';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onExitTransitionEnd}
      title={t('users.permissionsTitle', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {user && <PermissionsForm key={user.id} user={user} onDone={onClose} onCancel={onClose} />}
    </Modal>
  );
}

function PermissionsForm({
  user,
  onDone,
  onCancel,
}: {
  user: PermissionHolder;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const can = useCan();
  const queryClient = useQueryClient();
  const save = api.useMutation('put', '/api/v1/accounts/{accountId}/users/{userId}/permissions');
  const form = useKontorForm<{ permissions: Permission[] }>({
    initialValues: { permissions: user.permissions },
  });
  const send = async ({ permissions: chosen }: { permissions: Permission[] }) => {
    await save.mutateAsync({
      params: { path: { accountId: account.id, userId: user.id } },
      body: { permissions: chosen },
    });
    void usersChanged(queryClient);
    notifyDone(t('users.permissionsSaved', { name: displayName(user) }));
    onDone();
  };
  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <PermissionChoice {...form.getInputProps('permissions')} description={t('users.permissionsHint')} />
      {permissions.some((permission) => !can(permission)) && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('users.permissionsNotHeld')}
        </Text>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('users.permissionsSave')}
        </Button>
      </Group>
    </form>
  );
}
