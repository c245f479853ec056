import { Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { notifyDone } from '../../ui/notify.tsx';
import { type ExpressSetup, useExpressSetupChanged } from './express-setup-data.ts';

interface Values {
  [key: string]: unknown;
  manufacturer: string;
  model: string;
  macAddress: string;
  serialNumber: string;
}

const empty: Values = { manufacturer: '', model: '', macAddress: '', serialNumber: '' };

/** T1: the user's desk phones, by manufacturer and model, with the MAC address (shown as stored) or serial. */
export function PhonesSection({ setup, accountId }: { setup: ExpressSetup; accountId: string }) {
  const { t } = useTranslation();
  const required = useRequired();
  const changed = useExpressSetupChanged();
  const add = api.useMutation('post', '/api/v1/accounts/{accountId}/express-setup/phones');
  const remove = api.useMutation('delete', '/api/v1/accounts/{accountId}/express-setup/phones/{phoneId}');
  const form = useKontorForm<Values>({
    initialValues: empty,
    validate: {
      manufacturer: required,
      model: required,
      macAddress: (value, values) =>
        value.trim() || values.serialNumber.trim() ? null : t('expressSetup.phones.idRequired'),
    },
  });
  form.watch('manufacturer', () => form.setFieldValue('model', ''));
  const maker = setup.phoneCatalogue.find((entry) => entry.id === form.getValues().manufacturer);

  const send = async (values: Values) => {
    const phone = await add.mutateAsync({
      params: { path: { accountId } },
      body: {
        manufacturer: values.manufacturer,
        model: values.model,
        macAddress: values.macAddress.trim() || null,
        serialNumber: values.serialNumber.trim() || null,
      },
    });
    await changed();
    form.reset();
    notifyDone(t('expressSetup.phones.added', { name: phone.name }));
  };
  const removePhone = async (phone: ExpressSetup['phones'][number]) => {
    await remove.mutateAsync({ params: { path: { accountId, phoneId: phone.id } } });
    await changed();
    notifyDone(t('expressSetup.phones.removed', { name: phone.name }));
  };

  return (
    <Stack>
      <Text>{t('expressSetup.phones.intro')}</Text>
      {setup.phones.length === 0 ? (
        <Text c="dimmed">{t('expressSetup.phones.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={t('expressSetup.phones.caption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('expressSetup.phones.model')}</Table.Th>
                <Table.Th>{t('expressSetup.phones.macAddress')}</Table.Th>
                <Table.Th>{t('expressSetup.phones.serialNumber')}</Table.Th>
                <Table.Th>{t('expressSetup.phones.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {setup.phones.map((phone) => (
                <Table.Tr key={phone.id}>
                  <Table.Td>{phone.name}</Table.Td>
                  <Table.Td style={{ fontFamily: 'monospace' }}>{phone.macAddress ?? '–'}</Table.Td>
                  <Table.Td>{phone.serialNumber ?? '–'}</Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      aria-label={t('expressSetup.phones.removeNamed', { name: phone.name })}
                      onClick={() => removePhone(phone)}
                    >
                      {t('expressSetup.phones.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
        <FormErrorAlert alert={form.alert} />
        <Title order={3}>{t('expressSetup.phones.add')}</Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs">
          <Select
            label={t('expressSetup.phones.manufacturer')}
            data={setup.phoneCatalogue.map((entry) => ({ value: entry.id, label: entry.name }))}
            required
            {...form.getInputProps('manufacturer')}
            key={form.key('manufacturer')}
          />
          <Select
            label={t('expressSetup.phones.model')}
            data={(maker?.models ?? []).map((model) => ({ value: model.id, label: model.name }))}
            disabled={!maker}
            required
            {...form.getInputProps('model')}
            key={form.key('model')}
          />
          <TextInput
            label={t('expressSetup.phones.macAddress')}
            description={t('expressSetup.phones.macHint')}
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('macAddress')}
            key={form.key('macAddress')}
          />
          <TextInput
            label={t('expressSetup.phones.serialNumber')}
            autoComplete="off"
            {...form.getInputProps('serialNumber')}
            key={form.key('serialNumber')}
          />
        </SimpleGrid>
        <Group justify="flex-start" mt="sm">
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={18} aria-hidden />}
            loading={add.isPending}
          >
            {t('expressSetup.phones.addButton')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
