import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useOperatorRole } from '../../app/operator-roles.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { useRetained } from '../../ui/use-retained.ts';
import { HostedProductsTable } from './HostedProductsTable.tsx';
import { type HostedProduct, hostedProductsChanged } from './hosted-products.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** D1: on the operator's account page, assign hosted products, suspend and resume them, end them. */
export function OperatorHostedProducts({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const request = { params: { path: { accountId } } };
  const { data, error, isPending } = api.useQuery(
    'get',
    '/api/v1/operator/accounts/{accountId}/hosted-products',
    request,
  );
  const change = api.useMutation(
    'patch',
    '/api/v1/operator/accounts/{accountId}/hosted-products/{hostedProductId}',
  );
  const end = api.useMutation(
    'post',
    '/api/v1/operator/accounts/{accountId}/hosted-products/{hostedProductId}/end',
  );
  const [ending, setEnding] = useState<HostedProduct | null>(null);
  const shownEnding = useRetained(ending);
  const [actionError, setActionError] = useState<string | null>(null);
  const mayChange = useOperatorRole()('support');

  const path = (product: HostedProduct) => ({
    params: { path: { accountId, hostedProductId: product.id } },
  });
  const toggle = async (product: HostedProduct) => {
    setActionError(null);
    const state = product.state === 'active' ? 'suspended' : 'active';
    try {
      await change.mutateAsync({ ...path(product), body: { state } });
      hostedProductsChanged(queryClient);
      notifyDone(
        t(`hostedProducts.${state === 'active' ? 'resumedNotice' : 'suspendedNotice'}`, {
          name: product.name,
        }),
      );
    } catch (caught) {
      setActionError((caught as Error).message);
    }
  };

  return (
    <Stack component="section" aria-labelledby="account-hosted-products-title" gap="md">
      <Title order={2} size="h4" id="account-hosted-products-title">
        {t('hostedProducts.title')}
      </Title>
      <ErrorAlert message={actionError} />
      {isPending && <Loading />}
      {error && <ErrorAlert message={error.message} />}
      {data && (
        <HostedProductsTable
          items={data.items}
          actions={(product) =>
            mayChange &&
            product.state !== 'ended' && (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => toggle(product)}
                  aria-label={t(
                    product.state === 'active' ? 'hostedProducts.suspendFor' : 'hostedProducts.resumeFor',
                    {
                      name: product.name,
                    },
                  )}
                >
                  {t(product.state === 'active' ? 'hostedProducts.suspend' : 'hostedProducts.resume')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() => setEnding(product)}
                  aria-label={t('hostedProducts.endFor', { name: product.name })}
                >
                  {t('hostedProducts.end')}
                </Button>
              </Group>
            )
          }
        />
      )}
      {mayChange && <AssignForm accountId={accountId} />}
      <ConfirmDialog
        opened={ending !== null}
        title={t('hostedProducts.endTitle', { name: shownEnding?.name ?? '' })}
        confirmLabel={t('hostedProducts.end')}
        danger
        onConfirm={async () => {
          if (!ending) return;
          await end.mutateAsync(path(ending));
          hostedProductsChanged(queryClient);
          notifyDone(t('hostedProducts.endedNotice', { name: ending.name }));
          setEnding(null);
        }}
        onClose={() => setEnding(null)}
      >
        {t('hostedProducts.endConfirm')}
      </ConfirmDialog>
    </Stack>
  );
}

function AssignForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const required = useRequired();
  const queryClient = useQueryClient();
  const assign = api.useMutation('post', '/api/v1/operator/accounts/{accountId}/hosted-products');
  const form = useKontorForm({
    initialValues: { name: '', startedOn: today() },
    validate: { name: required, startedOn: required },
  });
  const send = form.submit(async (values) => {
    const product = await assign.mutateAsync({
      params: { path: { accountId } },
      body: { name: values.name.trim(), startedOn: values.startedOn },
    });
    hostedProductsChanged(queryClient);
    notifyDone(t('hostedProducts.assignedNotice', { name: product.name }));
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={send} noValidate aria-label={t('hostedProducts.assignTitle')}>
      <FormErrorAlert alert={form.alert} />
      <Group align="flex-end">
        <TextInput
          label={t('hostedProducts.name')}
          name="name"
          autoComplete="off"
          required
          {...form.getInputProps('name')}
          key={form.key('name')}
        />
        <TextInput
          type="date"
          label={t('hostedProducts.startedOn')}
          name="startedOn"
          required
          {...form.getInputProps('startedOn')}
          key={form.key('startedOn')}
        />
        <Button type="submit" loading={assign.isPending}>
          {t('hostedProducts.assign')}
        </Button>
      </Group>
    </form>
  );
}
