import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { displayName } from '../../ui/display-name.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';

export type DomainDetail = ApiResult<'/api/v1/accounts/{accountId}/domains/{domainId}'>;
type RedirectChoice = 'none' | 'ip' | 'url';

interface Values {
  [key: string]: unknown;
  name: string;
  registrantId: string;
  redirectKind: RedirectChoice;
  redirectTarget: string;
}

/** D2: add a domain, or change its registrant and redirect (the name stays); the server checks each field. */
export function DomainForm({
  accountId,
  domain,
  onDone,
  onCancel,
}: {
  accountId: string;
  domain?: DomainDetail;
  onDone: (saved: { id: string; displayName: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = useRequired();
  const redirectLabel = useId();
  const contacts = api.useQuery('get', '/api/v1/accounts/{accountId}/domain-contacts', {
    params: { path: { accountId } },
  });
  const create = api.useMutation('post', '/api/v1/accounts/{accountId}/domains');
  const update = api.useMutation('put', '/api/v1/accounts/{accountId}/domains/{domainId}');
  const form = useKontorForm<Values>({
    initialValues: {
      name: domain?.displayName ?? '',
      registrantId: domain?.registrant.id ?? '',
      redirectKind: domain?.redirectKind ?? 'none',
      redirectTarget: domain?.redirectTarget ?? '',
    },
    validate: {
      name: (value) => (domain ? null : required(value)),
      registrantId: required,
      redirectTarget: (value, values) => (values.redirectKind === 'none' ? null : required(value)),
    },
  });
  const redirectKind = form.getValues().redirectKind;
  const registrants = (contacts.data?.items ?? []).map((contact) => ({
    value: contact.id,
    label: contact.organisation ?? displayName(contact),
  }));

  const send = async (values: Values) => {
    const settings = {
      registrantId: values.registrantId,
      redirectKind: values.redirectKind === 'none' ? null : values.redirectKind,
      redirectTarget: values.redirectKind === 'none' ? null : values.redirectTarget.trim(),
    };
    const saved = domain
      ? await update.mutateAsync({ params: { path: { accountId, domainId: domain.id } }, body: settings })
      : await create.mutateAsync({
          params: { path: { accountId } },
          body: { name: values.name.trim(), ...settings },
        });
    await queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/accounts/{accountId}/domains'] });
    await queryClient.invalidateQueries({
      queryKey: ['get', '/api/v1/accounts/{accountId}/domains/{domainId}'],
    });
    onDone(saved);
  };

  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        {!domain && (
          <TextInput
            label={t('domains.name')}
            description={t('domains.nameHint')}
            name="name"
            autoComplete="off"
            required
            {...form.getInputProps('name')}
            key={form.key('name')}
          />
        )}
        <Select
          label={t('domains.registrant')}
          description={
            registrants.length === 0 && contacts.data
              ? t('domains.noRegistrants')
              : t('domains.registrantHint')
          }
          name="registrantId"
          data={registrants}
          allowDeselect={false}
          required
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('registrantId')}
          key={form.key('registrantId')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={redirectLabel}>
            {t('domains.redirect')}
          </Text>
          <SegmentedControl
            aria-labelledby={redirectLabel}
            data={(['none', 'ip', 'url'] as const).map((value) => ({
              value,
              label: t(`domains.redirectKinds.${value}`),
            }))}
            {...form.getInputProps('redirectKind')}
            key={form.key('redirectKind')}
          />
        </Stack>
        {redirectKind !== 'none' && (
          <TextInput
            label={t(redirectKind === 'ip' ? 'domains.redirectIp' : 'domains.redirectUrl')}
            description={t('domains.redirectHint')}
            name="redirectTarget"
            autoComplete="off"
            required
            {...form.getInputProps('redirectTarget')}
            key={form.key('redirectTarget')}
          />
        )}
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={create.isPending || update.isPending}>
          {t(domain ? 'domains.save' : 'domains.add')}
        </Button>
      </Group>
    </form>
  );
}
