import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { isLocale } from '../../i18n/i18n.ts';
import { nameAutoComplete, nameFields } from '../../ui/display-name.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { countryOptions } from './countries.ts';

export type DomainContact = ApiResult<'/api/v1/accounts/{accountId}/domain-contacts'>['items'][number];
type Kind = DomainContact['kind'];
type TextField = 'organisation' | 'firstName' | 'lastName' | 'street' | 'postalCode' | 'city' | 'phone';

interface Values {
  [key: string]: unknown;
  kind: Kind;
  organisation: string;
  firstName: string;
  lastName: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  email: string;
}

const emptyValues: Values = {
  kind: 'person',
  organisation: '',
  firstName: '',
  lastName: '',
  street: '',
  postalCode: '',
  city: '',
  country: 'DE',
  phone: '',
  email: '',
};

/** C4: add or change a domain contact; the server checks country and phone and names what it refuses. */
export function DomainContactForm({
  accountId,
  contact,
  onDone,
  onCancel,
}: {
  accountId: string;
  contact?: DomainContact;
  onDone: (saved: DomainContact) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'de';
  const queryClient = useQueryClient();
  const required = useRequired();
  const kindLabel = useId();
  const create = api.useMutation('post', '/api/v1/accounts/{accountId}/domain-contacts');
  const update = api.useMutation('put', '/api/v1/accounts/{accountId}/domain-contacts/{domainContactId}');
  const form = useKontorForm<Values>({
    initialValues: contact
      ? {
          ...emptyValues,
          ...contact,
          organisation: contact.organisation ?? '',
          phone: contact.phoneFormatted,
        }
      : emptyValues,
    validate: {
      organisation: (value, values) => (values.kind === 'organisation' ? required(value) : null),
      firstName: required,
      lastName: required,
      street: required,
      postalCode: required,
      city: required,
      country: required,
      phone: required,
      email: required,
    },
  });
  const kind = form.getValues().kind;

  const send = async (values: Values) => {
    const body = {
      kind: values.kind,
      organisation: values.kind === 'organisation' ? values.organisation.trim() : null,
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      street: values.street.trim(),
      postalCode: values.postalCode.trim(),
      city: values.city.trim(),
      country: values.country,
      phone: values.phone.trim(),
      email: values.email.trim(),
    };
    const saved = contact
      ? await update.mutateAsync({ params: { path: { accountId, domainContactId: contact.id } }, body })
      : await create.mutateAsync({ params: { path: { accountId } }, body });
    await queryClient.invalidateQueries({
      queryKey: ['get', '/api/v1/accounts/{accountId}/domain-contacts'],
    });
    onDone(saved);
  };

  const text = (name: TextField, autoComplete: string, extra: { description?: string } = {}) => (
    <TextInput
      label={t(`domainContacts.${name}`)}
      name={name}
      autoComplete={autoComplete}
      required
      {...extra}
      {...form.getInputProps(name)}
      key={form.key(name)}
    />
  );

  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={kindLabel}>
            {t('domainContacts.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby={kindLabel}
            data={(['person', 'organisation'] as const).map((value) => ({
              value,
              label: t(`domainContacts.kinds.${value}`),
            }))}
            {...form.getInputProps('kind')}
            key={form.key('kind')}
          />
        </Stack>
        {kind === 'organisation' && text('organisation', 'organization')}
        {kind === 'organisation' && (
          <Text size="sm" c="dimmed">
            {t('domainContacts.responsibleHint')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {nameFields().map((name) => text(name, nameAutoComplete[name]))}
        </SimpleGrid>
        {text('street', 'street-address')}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {text('postalCode', 'postal-code')}
          {text('city', 'address-level2')}
        </SimpleGrid>
        <Select
          label={t('domainContacts.country')}
          name="country"
          data={countryOptions(locale)}
          searchable
          allowDeselect={false}
          required
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('country')}
          key={form.key('country')}
        />
        {text('phone', 'tel', { description: t('domainContacts.phoneHint') })}
        <TextInput
          type="email"
          label={t('domainContacts.email')}
          description={t('domainContacts.emailHint')}
          name="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
          key={form.key('email')}
        />
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={create.isPending || update.isPending}>
          {t(contact ? 'domainContacts.save' : 'domainContacts.add')}
        </Button>
      </Group>
    </form>
  );
}
