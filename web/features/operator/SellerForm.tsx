// B1: the legal seller every invoice names (§14 UStG); the invoice run refuses until it is complete.
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';

const fields = ['name', 'street', 'postalCode', 'city', 'country', 'vatId', 'taxNumber', 'email'] as const;
type Seller = ApiResult<'/api/v1/operator/provider/seller'>;
type Values = Record<(typeof fields)[number], string>;

const valuesOf = (seller: Seller): Values =>
  Object.fromEntries(fields.map((field) => [field, seller[field] ?? ''])) as Values;

export function SellerSection() {
  const { t } = useTranslation();
  const seller = api.useQuery('get', '/api/v1/operator/provider/seller');
  return (
    <section aria-labelledby="seller-title">
      <Title order={2} size="h4" id="seller-title" mt="xl" mb="xs">
        {t('seller.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('seller.intro')}
      </Text>
      <ErrorAlert message={seller.error?.message} />
      {seller.isPending && <Loading />}
      {seller.data && <SellerForm seller={seller.data} />}
    </section>
  );
}

function SellerForm({ seller }: { seller: Seller }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = api.useMutation('put', '/api/v1/operator/provider/seller');
  const form = useKontorForm<Values>({ initialValues: valuesOf(seller) });
  const submit = form.submit(async (values) => {
    const body = Object.fromEntries(fields.map((field) => [field, values[field].trim() || null])) as Seller;
    const saved = await save.mutateAsync({ body });
    form.setInitialValues(valuesOf(saved));
    form.setValues(valuesOf(saved));
    for (const path of ['/api/v1/operator/provider/seller', '/api/v1/operator/audit'] as const)
      void queryClient.invalidateQueries({ queryKey: ['get', path] });
    notifyDone(t('seller.saved'));
  });
  const input = (
    name: (typeof fields)[number],
    extra: { description?: string; autoComplete?: string } = {},
  ) => ({
    ...form.getInputProps(name),
    key: form.key(name),
    name,
    label: t(`seller.${name}`),
    ...extra,
  });
  const missing = fields.filter((field) => field !== 'taxNumber' && field !== 'vatId' && !seller[field]);
  const complete = missing.length === 0 && (seller.vatId || seller.taxNumber);
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Stack maw={640}>
        {!complete && (
          <Alert color="yellow" variant="light" role="note">
            {t('seller.incomplete')}
          </Alert>
        )}
        <TextInput {...input('name', { autoComplete: 'organization' })} />
        <TextInput {...input('street', { autoComplete: 'address-line1' })} />
        <Group grow align="flex-start">
          <TextInput {...input('postalCode', { autoComplete: 'postal-code' })} />
          <TextInput {...input('city', { autoComplete: 'address-level2' })} />
        </Group>
        <TextInput
          {...input('country', { description: t('seller.countryHint'), autoComplete: 'country' })}
          maxLength={2}
        />
        <Group grow align="flex-start">
          <TextInput {...input('vatId', { description: t('seller.vatIdHint') })} />
          <TextInput {...input('taxNumber', { description: t('seller.taxNumberHint') })} />
        </Group>
        <TextInput {...input('email', { autoComplete: 'email' })} type="email" />
        <Button type="submit" loading={form.submitting} w="fit-content">
          {t('seller.save')}
        </Button>
      </Stack>
    </form>
  );
}
