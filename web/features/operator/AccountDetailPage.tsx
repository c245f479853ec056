import { Alert, Anchor, Button, DataList, Group, Modal, Stack, Text, Title, useMatches } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiBody, api, asApiError } from '../../api/client.ts';
import { useOperatorRole } from '../../app/operator-roles.ts';
import { accountDetailRoute } from '../../app/router.tsx';
import { isLocale, localeNames } from '../../i18n/i18n.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format-date.ts';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useReturnFocus } from '../../ui/use-return-focus.ts';
import { AccountUsersSection } from '../acting/AccountUsersSection.tsx';
import { OperatorActivations } from '../activation/ActivationsSection.tsx';
import { AuditLog } from '../audit/AuditLog.tsx';
import { SubscriptionsSection } from '../catalogue/SubscriptionsSection.tsx';
import { OperatorHostedProducts } from '../hosted-products/OperatorHostedProducts.tsx';
import { AccountInvoicesSection } from '../invoices/AccountInvoicesSection.tsx';
import { NumberBlockSection } from '../numbers/NumberBlockSection.tsx';
import { AccountFields, accountValuesOf, billingOf, localeOf, useAccountRules } from './AccountFields.tsx';
import { AccountPaymentTermsCard } from './AccountPaymentTermsCard.tsx';
import { AccountStatusBadge } from './AccountStatusBadge.tsx';
import { accountStatusLabel, billingFields, type CustomerAccount } from './accounts.ts';

/** A3: one customer account: its data, changes, suspension and its audit log. */
export function AccountDetailPage() {
  const { id } = accountDetailRoute.useParams();
  // Another account's page starts afresh: no notice or error of the one before.
  return <AccountDetail key={id} id={id} />;
}

/** Everything a change of the account shows differently: the account, the list and the audit logs. */
function useAccountChanged() {
  const queryClient = useQueryClient();
  return () => {
    for (const path of [
      '/api/v1/operator/accounts/{accountId}',
      '/api/v1/operator/accounts',
      '/api/v1/operator/audit',
    ] as const) {
      void queryClient.invalidateQueries({ queryKey: ['get', path] });
    }
  };
}

function AccountDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const created = useRouterState({ select: (state) => state.location.state.created === true });
  const request = { params: { path: { accountId: id } } };
  const account = api.useQuery('get', '/api/v1/operator/accounts/{accountId}', request);
  const suspend = api.useMutation('post', '/api/v1/operator/accounts/{accountId}/suspend');
  const reactivate = api.useMutation('post', '/api/v1/operator/accounts/{accountId}/reactivate');
  const resendLink = api.useMutation('post', '/api/v1/operator/accounts/{accountId}/resend-main-user-link');
  const queryClient = useQueryClient();
  const accountChanged = useAccountChanged();
  const editFocus = useReturnFocus();
  const holds = useOperatorRole();
  const [editing, setEditing] = useState(false);
  const [confirmSuspend, setConfirmSuspend] = useState(false);
  // The page's result after "create": it stays until the next change, which brings its own notification.
  const [createdShown, setCreatedShown] = useState(created);
  const [error, setError] = useState<string | null>(null);
  // Changes with every refusal, so a repeated one is announced again.
  const [attempt, setAttempt] = useState(0);
  const data = account.data;
  // Labels above their values at phone width, beside them from there on.
  const orientation = useMatches({ base: 'vertical', xs: 'horizontal' } as const, {
    getInitialValueInEffect: false,
  });

  const changed = (message: string) => {
    setCreatedShown(false);
    setError(null);
    notifyDone(message);
    accountChanged();
  };

  /** Runs one change of the account; a refusal is shown on the page (e.g. "the link was just sent"). */
  const act = async (change: () => Promise<string>) => {
    setError(null);
    try {
      changed(await change());
    } catch (caught) {
      setError(asApiError(caught).message);
      setAttempt((count) => count + 1);
    }
  };

  const confirmSuspension = async () => {
    await suspend.mutateAsync(request);
    setConfirmSuspend(false);
    changed(t('accounts.suspendedNotice'));
  };

  const billing = data
    ? [
        data.billing.street,
        [data.billing.postalCode, data.billing.city].filter(Boolean).join(' '),
        data.billing.country,
      ].filter(Boolean)
    : [];

  return (
    <>
      <Anchor component={Link} to="/operator/accounts" size="sm">
        {t('accounts.back')}
      </Anchor>
      <PageTitle>{data?.name ?? t('accounts.account')}</PageTitle>
      {createdShown && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('accounts.createdNotice')}
        </Alert>
      )}
      <ErrorAlert key={attempt} message={error} />
      {account.isPending && <Loading />}
      {account.error && <ErrorAlert message={account.error.message} />}
      {data && (
        <Stack gap="xl">
          <Group gap="sm">
            <AccountStatusBadge status={data.status} />
            {holds('support') && (
              <>
                <Button
                  variant="default"
                  onClick={() => {
                    editFocus.remember();
                    setEditing(true);
                  }}
                >
                  {t('accounts.edit')}
                </Button>
                {/* One button that changes its meaning, so focus stays on it after a suspension or reactivation. */}
                {data.status === 'suspended' ? (
                  <Button
                    color="green"
                    variant="light"
                    loading={reactivate.isPending}
                    onClick={() =>
                      act(async () => {
                        await reactivate.mutateAsync(request);
                        return t('accounts.reactivatedNotice');
                      })
                    }
                  >
                    {t('accounts.reactivate')}
                  </Button>
                ) : (
                  <Button color="red" variant="light" onClick={() => setConfirmSuspend(true)}>
                    {t('accounts.suspend')}
                  </Button>
                )}
              </>
            )}
          </Group>
          <DataList labelWidth={200} orientation={orientation} withDivider>
            <Item label={t('accounts.customerNumber')} mono>
              {data.customerNumber}
            </Item>
            <Item label={t('accounts.status')}>{accountStatusLabel(t, data.status)}</Item>
            <Item label={t('accounts.seats')}>
              {t('accounts.seatsValue', { used: data.seatsUsed, limit: data.seatLimit })}
            </Item>
            <Item label={t('accounts.locale')}>
              {isLocale(data.locale) ? localeNames[data.locale] : data.locale}
            </Item>
            <Item label={t('accounts.timezone')}>{data.timezone}</Item>
            {/* The list has the main user; the single account's answer may leave it out. */}
            {data.owner && (
              <Item label={t('accounts.mainUser')}>
                <Text>{[displayName(data.owner), data.owner.email].filter(Boolean).join(', ')}</Text>
                {data.owner.pendingActivation && holds('support') && (
                  <Group gap="sm" mt={4}>
                    <Text size="sm" c="dimmed">
                      {t('accounts.mainUserPending')}
                    </Text>
                    <Button
                      size="xs"
                      variant="light"
                      loading={resendLink.isPending}
                      onClick={() =>
                        act(async () => {
                          const { sentTo } = await resendLink.mutateAsync(request);
                          void queryClient.invalidateQueries({
                            queryKey: ['get', '/api/v1/operator/accounts/{accountId}/activations'],
                          });
                          return t('accounts.linkResent', { email: sentTo });
                        })
                      }
                    >
                      {t('accounts.resendLink')}
                    </Button>
                  </Group>
                )}
              </Item>
            )}
            <Item label={t('accounts.billing')}>
              {billing.length > 0 ? (
                billing.map((line) => <Text key={line}>{line}</Text>)
              ) : (
                <Text c="dimmed">{t('accounts.none')}</Text>
              )}
            </Item>
            <Item label={t('accounts.vatId')}>{data.billing.vatId ?? t('accounts.none')}</Item>
            <Item label={t('accounts.createdAt')}>{formatDateTime(data.createdAt, i18n.language)}</Item>
          </DataList>
          <AccountUsersSection accountId={id} />
          <OperatorActivations accountId={id} />
          <section aria-labelledby="account-subscriptions-title">
            <Title order={2} size="h4" id="account-subscriptions-title" mb="md">
              {t('products.title')}
            </Title>
            <SubscriptionsSection
              source={{ accountId: id, operator: true }}
              canChange={holds('billing')}
              caption={t('products.caption')}
              timeZone={data.timezone}
            />
          </section>
          <OperatorHostedProducts accountId={id} />
          <NumberBlockSection accountId={id} />
          <AccountInvoicesSection accountId={id} />
          <AccountPaymentTermsCard accountId={id} />
          <section aria-labelledby="account-audit-title">
            <Title order={2} size="h4" id="account-audit-title" mb="md">
              {t('audit.title')}
            </Title>
            <AuditLog source={{ operator: true, accountId: id }} caption={t('audit.caption')} />
          </section>
        </Stack>
      )}
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        returnFocus={false}
        onExitTransitionEnd={editFocus.returnFocus}
        title={t('accounts.editTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
        size="xl"
      >
        {data && (
          <EditAccountForm
            account={data}
            onDone={(updated) => {
              setEditing(false);
              if (updated) changed(t('accounts.updatedNotice'));
            }}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={confirmSuspend}
        title={t('accounts.confirmSuspend.title', { name: data?.name ?? '' })}
        confirmLabel={t('accounts.confirmSuspend.button')}
        danger
        onConfirm={confirmSuspension}
        onClose={() => setConfirmSuspend(false)}
      >
        {t('accounts.confirmSuspend.text')}
      </ConfirmDialog>
    </>
  );
}

function Item({ label, mono, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue ff={mono ? 'monospace' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

/** Sends only what changed; billing data goes as a whole, since the API replaces all of it. */
function EditAccountForm({
  account,
  onDone,
}: {
  account: CustomerAccount;
  onDone: (updated: boolean) => void;
}) {
  const { t } = useTranslation();
  const [initial] = useState(() => accountValuesOf(account));
  const rules = useAccountRules(account.seatsUsed);
  const form = useKontorForm({ initialValues: initial, validate: rules });
  const update = api.useMutation('patch', '/api/v1/operator/accounts/{accountId}');

  const submit = form.submit(async (values) => {
    const changes: ApiBody<'/api/v1/operator/accounts/{accountId}', 'patch'> = {};
    if (values.name.trim() !== initial.name) changes.name = values.name.trim();
    if (values.seatLimit.trim() !== initial.seatLimit) changes.seatLimit = Number(values.seatLimit);
    if (values.locale !== initial.locale) changes.locale = localeOf(values.locale);
    if (values.timezone !== initial.timezone) changes.timezone = values.timezone;
    if (billingFields.some((name) => values.billing[name].trim() !== initial.billing[name])) {
      changes.billing = billingOf(values.billing);
    }
    if (Object.keys(changes).length === 0) return onDone(false);
    await update.mutateAsync({ params: { path: { accountId: account.id } }, body: changes });
    onDone(true);
  });

  return (
    <>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <AccountFields form={form} />
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => onDone(false)} disabled={form.submitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('accounts.save')}
          </Button>
        </Group>
      </form>
    </>
  );
}
