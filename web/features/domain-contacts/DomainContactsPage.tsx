import { ActionIcon, Button, Group, Menu, Modal, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { isLocale } from '../../i18n/i18n.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useRetained } from '../../ui/use-retained.ts';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { countryName } from './countries.ts';
import { type DomainContact, DomainContactForm } from './DomainContactForm.tsx';

type Dialog = { kind: 'form'; contact?: DomainContact } | { kind: 'delete'; contact: DomainContact };

/** The organisation, or the person, as the list and the messages name a domain contact. */
const nameOf = (contact: DomainContact) => contact.organisation ?? displayName(contact);

/** C4: the account's domain contacts, registrant data for domain registration only (no e-mail, no requests). */
export function DomainContactsPage() {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'de';
  const accountId = useCustomer().account.id;
  const queryClient = useQueryClient();
  const focus = useReturnFocus();
  const { data, error, isPending } = api.useQuery('get', '/api/v1/accounts/{accountId}/domain-contacts', {
    params: { path: { accountId } },
  });
  const remove = api.useMutation('delete', '/api/v1/accounts/{accountId}/domain-contacts/{domainContactId}');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const current = useRef<Dialog | null>(null);
  const form = useRetained(dialog?.kind === 'form' ? dialog : null);
  const deleting = useRetained(dialog?.kind === 'delete' ? dialog.contact : null);

  const show = (next: Dialog | null) => {
    current.current = next;
    setDialog(next);
  };
  const open = (next: Dialog) => {
    focus.remember();
    show(next);
  };
  const close = () => show(null);
  const dialogGone = () => {
    if (current.current === null) focus.returnFocus();
  };

  const saved = (contact: DomainContact) => {
    notifyDone(
      t(form?.contact ? 'domainContacts.changed' : 'domainContacts.added', { name: nameOf(contact) }),
    );
    close();
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    await remove.mutateAsync({ params: { path: { accountId, domainContactId: deleting.id } } });
    await queryClient.invalidateQueries({
      queryKey: ['get', '/api/v1/accounts/{accountId}/domain-contacts'],
    });
    notifyDone(t('domainContacts.removed', { name: nameOf(deleting) }));
    close();
  };

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('domainContacts.title')}</PageTitle>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => open({ kind: 'form' })}>
          {t('domainContacts.new')}
        </Button>
      </Group>
      <Text mb="md">{t('domainContacts.intro')}</Text>
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && data.items.length === 0 && <Text c="dimmed">{t('domainContacts.empty')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('domainContacts.caption')} verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('domainContacts.name')}</Table.Th>
                <Table.Th>{t('domainContacts.address')}</Table.Th>
                <Table.Th>{t('domainContacts.phone')}</Table.Th>
                <Table.Th>{t('domainContacts.email')}</Table.Th>
                <Table.Th className="sticky-actions">
                  <VisuallyHidden>{t('domainContacts.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td>
                    <Text fw={500}>{nameOf(contact)}</Text>
                    <Text size="sm" c="dimmed">
                      {contact.organisation
                        ? t('domainContacts.responsible', { name: displayName(contact) })
                        : t('domainContacts.kinds.person')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text>{contact.street}</Text>
                    <Text size="sm">
                      {contact.postalCode} {contact.city}, {countryName(contact.country, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{contact.phoneFormatted}</Table.Td>
                  <Table.Td>{contact.email}</Table.Td>
                  <Table.Td className="sticky-actions">
                    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('domainContacts.actionsFor', { name: nameOf(contact) })}
                        >
                          <IconDots size={18} aria-hidden />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => open({ kind: 'form', contact })}>
                          {t('domainContacts.edit')}
                        </Menu.Item>
                        <Menu.Item color="red" onClick={() => open({ kind: 'delete', contact })}>
                          {t('domainContacts.remove')}
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

      <Modal
        opened={dialog?.kind === 'form'}
        onClose={close}
        returnFocus={false}
        onExitTransitionEnd={dialogGone}
        title={
          form?.contact
            ? t('domainContacts.editTitle', { name: nameOf(form.contact) })
            : t('domainContacts.new')
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
        size="lg"
      >
        {form && (
          <DomainContactForm
            key={form.contact?.id ?? 'new'}
            accountId={accountId}
            contact={form.contact}
            onDone={saved}
            onCancel={close}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={dialog?.kind === 'delete'}
        title={t('domainContacts.removeTitle')}
        confirmLabel={t('domainContacts.remove')}
        danger
        onConfirm={confirmDelete}
        onClose={close}
        onExitTransitionEnd={dialogGone}
      >
        {t('domainContacts.removeConfirm', { name: deleting ? nameOf(deleting) : '' })}
      </ConfirmDialog>
    </>
  );
}
