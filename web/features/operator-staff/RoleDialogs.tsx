import {
  Button,
  Checkbox,
  type CheckboxGroupProps,
  Group,
  Modal,
  NativeSelect,
  Stack,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { type OperatorRole, operatorRoles } from '../../app/operator-roles.ts';
import { useSession } from '../../app/session.tsx';
import { isLocale, localeNames, locales } from '../../i18n/i18n.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { notifyDone } from '../../ui/notify.tsx';

export type StaffMember = ApiResult<'/api/v1/operator/operators'>['items'][number];

/** Everything that shows the staff asks again after a change. */
export const staffChanged = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/operators'] }),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/audit'] }),
  ]);

/** One box per role, each with what it allows; at least one must be chosen. */
function RoleChoice(props: Omit<CheckboxGroupProps, 'children' | 'label'>) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group {...props} label={t('operatorStaff.roles')} required>
      <Stack gap="xs" mt="xs">
        {operatorRoles.map((role) => (
          <Checkbox
            key={role}
            value={role}
            label={t(`operatorRoles.${role}.name`)}
            description={t(`operatorRoles.${role}.description`)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function StaffModal({
  title,
  opened,
  onClose,
  onExitTransitionEnd,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onExitTransitionEnd: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onExitTransitionEnd}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {children}
    </Modal>
  );
}

const atLeastOneRole = (message: string) => (roles: OperatorRole[]) => (roles.length === 0 ? message : null);

/** Issue 16: an operator admin invites a colleague by e-mail, with the roles they will hold. */
export function InviteOperatorDialog(props: {
  opened: boolean;
  onClose: () => void;
  onExitTransitionEnd: () => void;
}) {
  const { t } = useTranslation();
  return (
    <StaffModal title={t('operatorStaff.inviteTitle')} {...props}>
      {props.opened && <InviteForm onDone={props.onClose} />}
    </StaffModal>
  );
}

interface Invitee {
  [key: string]: unknown;
  name: string;
  email: string;
  locale: string;
  roles: OperatorRole[];
}

function InviteForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const required = useRequired();
  const queryClient = useQueryClient();
  const invite = api.useMutation('post', '/api/v1/operator/operators');
  const form = useKontorForm<Invitee>({
    initialValues: { name: '', email: '', locale: i18n.language, roles: [] },
    validate: { name: required, email: required, roles: atLeastOneRole(t('operatorStaff.rolesRequired')) },
  });
  const send = async (values: Invitee) => {
    const locale = isLocale(values.locale) ? values.locale : 'de';
    await invite.mutateAsync({
      body: { ...values, name: values.name.trim(), email: values.email.trim(), locale },
    });
    void staffChanged(queryClient);
    notifyDone(t('operatorStaff.invited', { email: values.email.trim() }));
    onDone();
  };
  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <TextInput label={t('operatorStaff.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput type="email" label={t('operatorStaff.email')} required {...form.getInputProps('email')} />
        <NativeSelect
          label={t('operatorStaff.locale')}
          description={t('operatorStaff.localeHint')}
          data={locales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
          {...form.getInputProps('locale')}
        />
        <RoleChoice {...form.getInputProps('roles')} />
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={invite.isPending}>
          {t('operatorStaff.sendInvitation')}
        </Button>
      </Group>
    </form>
  );
}

/** An operator's roles; a change counts from their next click, no new sign-in needed. */
export function RolesDialog({
  member,
  ...props
}: {
  member: StaffMember | null;
  opened: boolean;
  onClose: () => void;
  onExitTransitionEnd: () => void;
}) {
  const { t } = useTranslation();
  return (
    <StaffModal title={t('operatorStaff.rolesTitle', { name: member?.name ?? '' })} {...props}>
      {member && <RolesForm key={member.id} member={member} onDone={props.onClose} />}
    </StaffModal>
  );
}

function RolesForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { operator, recheck } = useSession();
  const save = api.useMutation('put', '/api/v1/operator/operators/{operatorId}/roles');
  const form = useKontorForm<{ roles: OperatorRole[] }>({
    initialValues: { roles: member.roles },
    validate: { roles: atLeastOneRole(t('operatorStaff.rolesRequired')) },
  });
  const send = async ({ roles }: { roles: OperatorRole[] }) => {
    await save.mutateAsync({ params: { path: { operatorId: member.id } }, body: { roles } });
    void staffChanged(queryClient);
    // One's own roles decide which buttons this very page offers.
    if (member.id === operator?.id) void recheck();
    notifyDone(t('operatorStaff.rolesSaved', { name: member.name }));
    onDone();
  };
  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <RoleChoice {...form.getInputProps('roles')} />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('operatorStaff.saveRoles')}
        </Button>
      </Group>
    </form>
  );
}
