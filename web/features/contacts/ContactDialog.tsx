import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NotificationCategory } from '../../../src/shared/notification-categories.ts';
import { type ApiResult, api } from '../../api/client.ts';
import { useCustomer } from '../../app/session.tsx';
import { type Locale, localeNames, locales } from '../../i18n/i18n.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { notifyDone } from '../../ui/notify.tsx';
import { CategoryChoice } from './CategoryChoice.tsx';

export type Contact = ApiResult<'/api/v1/accounts/{accountId}/contacts'>['items'][number];

interface Values {
  [key: string]: unknown;
  name: string;
  email: string;
  phone: string;
  locale: Locale;
  categories: NotificationCategory[];
  mayOpenRequests: boolean;
}

export const contactsChanged = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/contacts'] }),
    queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/notifications'] }),
  ]);

/** C1: add a contact, or change one (`contact`). */
export function ContactDialog({
  opened,
  contact,
  onClose,
  onExitTransitionEnd,
}: {
  opened: boolean;
  contact: Contact | null;
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
      title={t(contact ? 'contacts.editTitle' : 'contacts.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {opened && <ContactForm contact={contact} onDone={onClose} />}
    </Modal>
  );
}

function ContactForm({ contact, onDone }: { contact: Contact | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { account } = useCustomer();
  const required = useRequired();
  const queryClient = useQueryClient();
  const add = api.useMutation('post', '/api/v1/accounts/{accountId}/contacts');
  const change = api.useMutation('put', '/api/v1/accounts/{accountId}/contacts/{contactId}');
  const form = useKontorForm<Values>({
    initialValues: {
      name: contact?.name ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      locale: contact?.locale ?? (i18n.language as Locale),
      categories: contact?.categories ?? [],
      mayOpenRequests: contact?.mayOpenRequests ?? false,
    },
    validate: { name: required, email: required },
  });
  const send = async (values: Values) => {
    const body = {
      ...values,
      name: values.name.trim(),
      email: values.email.trim(),
      phone: values.phone.trim() || null,
    };
    const path = { accountId: account.id };
    const saved = contact
      ? await change.mutateAsync({ params: { path: { ...path, contactId: contact.id } }, body })
      : await add.mutateAsync({ params: { path }, body });
    void contactsChanged(queryClient);
    notifyDone(t(contact ? 'contacts.changed' : 'contacts.added', { name: saved.name }));
    onDone();
  };
  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <TextInput label={t('contacts.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput
          type="email"
          label={t('contacts.email')}
          autoComplete="off"
          required
          {...form.getInputProps('email')}
        />
        <TextInput
          type="tel"
          label={t('contacts.phone')}
          description={t('contacts.phoneHint')}
          autoComplete="off"
          {...form.getInputProps('phone')}
        />
        <Select
          label={t('contacts.language')}
          description={t('contacts.languageHint')}
          data={locales.map((code) => ({ value: code, label: localeNames[code] }))}
          allowDeselect={false}
          {...form.getInputProps('locale')}
        />
        <CategoryChoice label={t('contacts.categories')} {...form.getInputProps('categories')} />
        <Checkbox
          label={t('contacts.mayOpenRequests')}
          description={t('contacts.mayOpenRequestsHint')}
          {...form.getInputProps('mayOpenRequests', { type: 'checkbox' })}
        />
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={add.isPending || change.isPending}>
          {t(contact ? 'contacts.save' : 'contacts.add')}
        </Button>
      </Group>
    </form>
  );
}
