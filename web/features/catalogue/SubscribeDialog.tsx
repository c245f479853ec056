import { Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { formatMoney, formatVatRate } from './money.ts';
import { type SubscriptionsSource, subscriptionsChanged } from './subscriptions.ts';

interface Values {
  [key: string]: unknown;
  serviceId: string;
  scope: 'account' | 'users';
  userIds: string[];
}

/** P4, P5: book an active service for the whole account or for chosen users of it. */
export function SubscribeDialog({
  source,
  opened,
  onClose,
  onExitTransitionEnd,
}: {
  source: SubscriptionsSource;
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
      title={t('products.subscribeTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
      size="lg"
    >
      {opened && <SubscribeForm source={source} onDone={onClose} />}
    </Modal>
  );
}

function SubscribeForm({ source, onDone }: { source: SubscriptionsSource; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const required = useRequired();
  const scopeLabel = useId();
  const path = { params: { path: { accountId: source.accountId } } };
  // Both reads and changes are declared (hooks cannot be chosen); only the source's own runs.
  const memberOptions = api.useQuery('get', '/api/v1/accounts/{accountId}/subscriptions/options', path, {
    enabled: !source.operator,
  });
  const operatorOptions = api.useQuery(
    'get',
    '/api/v1/operator/accounts/{accountId}/subscriptions/options',
    path,
    {
      enabled: source.operator === true,
    },
  );
  const options = source.operator ? operatorOptions : memberOptions;
  const memberBook = api.useMutation('post', '/api/v1/accounts/{accountId}/subscriptions');
  const operatorBook = api.useMutation('post', '/api/v1/operator/accounts/{accountId}/subscriptions');
  const form = useKontorForm<Values>({
    initialValues: { serviceId: '', scope: 'account', userIds: [] },
    validate: {
      serviceId: required,
      userIds: (value, values) =>
        values.scope === 'users' && (value as string[]).length === 0 ? t('products.chooseUsers') : null,
    },
  });
  const scope = form.getValues().scope;

  const send = async (values: Values) => {
    const body = {
      serviceId: values.serviceId,
      scope: values.scope,
      ...(values.scope === 'users' ? { userIds: values.userIds } : {}),
    };
    const booked = await (source.operator ? operatorBook : memberBook).mutateAsync({ ...path, body });
    await subscriptionsChanged(queryClient);
    const name = booked.items[0]?.service.name ?? '';
    notifyDone(t('products.subscribedNotice', { name }));
    onDone();
  };

  if (options.isPending) return <Loading />;
  if (options.error) return <ErrorAlert message={options.error.message} />;
  const { services, users } = options.data;
  const locale = i18n.language;

  return (
    <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack>
        {services.length === 0 && <Text c="dimmed">{t('products.nothingOffered')}</Text>}
        <Select
          label={t('products.service')}
          name="serviceId"
          data={services.map((service) => ({
            value: service.id,
            label: service.price
              ? t('products.serviceOption', {
                  name: service.name,
                  net: formatMoney(service.price.netCents, locale),
                  unit: t(`catalogue.perUnit.${service.unit}`),
                })
              : service.name,
          }))}
          allowDeselect={false}
          required
          data-autofocus
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('serviceId')}
          key={form.key('serviceId')}
        />
        {services
          .filter((service) => service.id === form.getValues().serviceId && service.price)
          .map((service) => (
            <Text key={service.id} size="sm" c="dimmed">
              {t('products.priceDetail', {
                net: formatMoney(service.price?.netCents ?? 0, locale),
                vat: formatVatRate(service.price?.vatRateBp ?? 0, locale),
                gross: formatMoney(service.price?.grossCents ?? 0, locale),
              })}
            </Text>
          ))}
        <Stack gap={4}>
          <Text size="sm" fw={500} id={scopeLabel}>
            {t('products.forWhom')}
          </Text>
          <SegmentedControl
            aria-labelledby={scopeLabel}
            data={[
              { value: 'account', label: t('products.wholeAccount') },
              { value: 'users', label: t('products.chosenUsers') },
            ]}
            {...form.getInputProps('scope')}
            key={form.key('scope')}
          />
          <Text size="sm" c="dimmed">
            {t(scope === 'users' ? 'products.chosenUsersHint' : 'products.wholeAccountHint')}
          </Text>
        </Stack>
        {scope === 'users' && (
          <MultiSelect
            label={t('products.users')}
            name="userIds"
            data={users.map((user) => ({
              value: user.id,
              label: `${user.name} (${user.userNumber})${user.disabled ? ` – ${t('products.disabled')}` : ''}`,
            }))}
            searchable
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('userIds')}
            key={form.key('userIds')}
          />
        )}
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={memberBook.isPending || operatorBook.isPending}>
          {t('products.subscribe')}
        </Button>
      </Group>
    </form>
  );
}
