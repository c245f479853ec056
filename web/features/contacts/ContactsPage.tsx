import { ActionIcon, Badge, Button, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDots, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useRetained } from '../../ui/use-retained.ts';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { type Contact, ContactDialog, contactsChanged } from './ContactDialog.tsx';

type Dialog = { kind: 'add' } | { kind: 'edit'; contact: Contact } | { kind: 'remove'; contact: Contact };

/** C1, M4: the account's contacts, who never sign in but receive e-mail by category. */
export function ContactsPage() {
  const { t } = useTranslation();
  const { account } = useCustomer();
  const queryClient = useQueryClient();
  const focus = useReturnFocus();
  const path = { accountId: account.id };
  const contacts = api.useQuery('get', '/api/v1/accounts/{accountId}/contacts', { params: { path } });
  const remove = api.useMutation('delete', '/api/v1/accounts/{accountId}/contacts/{contactId}');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // The form keeps showing its contact (or none, when adding) while the dialog fades out.
  const form = useRetained(
    dialog?.kind === 'edit' ? { contact: dialog.contact } : dialog?.kind === 'add' ? { contact: null } : null,
  );
  const removing = useRetained(dialog?.kind === 'remove' ? dialog.contact : null);
  const open = (next: Dialog) => {
    focus.remember();
    setDialog(next);
  };
  const close = () => setDialog(null);
  const items = contacts.data?.items ?? [];

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('contacts.title')}</PageTitle>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => open({ kind: 'add' })}>
          {t('contacts.add')}
        </Button>
      </Group>
      <Text c="dimmed" size="sm" mb="md">
        {t('contacts.intro')} <Link to="/account/notifications">{t('contacts.routingLink')}</Link>
      </Text>
      <ErrorAlert message={contacts.error?.message} />
      {contacts.isPending && <Loading label={t('contacts.loading')} />}
      {contacts.data && items.length === 0 && <Text size="sm">{t('contacts.none')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('contacts.title')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contacts.name')}</Table.Th>
                <Table.Th>{t('contacts.phone')}</Table.Th>
                <Table.Th>{t('contacts.categories')}</Table.Th>
                <Table.Th className="sticky-actions">
                  <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td>
                    {contact.name}
                    <Text size="sm" c="dimmed">
                      {contact.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{contact.phoneFormatted ?? '–'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {contact.categories.length === 0 && (
                        <Text size="sm" c="dimmed">
                          {t('contacts.noCategories')}
                        </Text>
                      )}
                      {contact.categories.map((category) => (
                        <Badge key={category} variant="light">
                          {t(`notifications.categories.${category}`)}
                        </Badge>
                      ))}
                      {contact.mayOpenRequests && (
                        <Badge variant="outline" color="grape">
                          {t('contacts.opensRequests')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td className="sticky-actions">
                    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('users.actionsFor', { name: contact.name })}
                        >
                          <IconDots size={18} aria-hidden />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => open({ kind: 'edit', contact })}>
                          {t('contacts.edit')}
                        </Menu.Item>
                        <Menu.Item color="red.9" onClick={() => open({ kind: 'remove', contact })}>
                          {t('contacts.remove')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ContactDialog
        opened={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        contact={form?.contact ?? null}
        onClose={close}
        onExitTransitionEnd={focus.returnFocus}
      />
      <ConfirmDialog
        opened={dialog?.kind === 'remove'}
        title={t('contacts.removeTitle')}
        confirmLabel={t('contacts.remove')}
        danger
        onClose={close}
        onExitTransitionEnd={focus.returnFocus}
        onConfirm={async () => {
          if (!removing) return;
          await remove.mutateAsync({ params: { path: { ...path, contactId: removing.id } } });
          void contactsChanged(queryClient);
          notifyDone(t('contacts.removed', { name: removing.name }));
          close();
        }}
      >
        {t('contacts.removeText', { name: removing?.name, email: removing?.email })}
      </ConfirmDialog>
    </>
  );
}
