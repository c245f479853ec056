import { Alert, Anchor, Button, DataList, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../app/api.ts';
import { Link, useLocation } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useApiGet } from '../../app/use-api-get.ts';
import { isLocale, localeNames } from '../../i18n/i18n.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { displayName } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useFormErrors } from '../../ui/form-errors.ts';
import { formatDateTime } from '../../ui/format-date.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { AuditLog } from '../audit/AuditLog.tsx';
import {
  AccountFields,
  type AccountValues,
  accountFields,
  accountValuesOf,
  billingOf,
  validateAccount,
} from './AccountFields.tsx';
import { AccountStatusBadge } from './AccountStatusBadge.tsx';
import { accountPath, billingFields, type CustomerAccount } from './accounts-types.ts';

/** What the new-account page hands over in history state. */
export interface AccountDetailState {
  created?: boolean;
}

/** A3: one customer account: its data, changes, suspension and its audit log. */
export function AccountDetailPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useLocation();
  const handedOver = (state ?? {}) as AccountDetailState;
  const account = useApiGet<CustomerAccount>(accountPath(id));
  const [editing, setEditing] = useState(false);
  const [confirmSuspend, setConfirmSuspend] = useState(false);
  const [notice, setNotice] = useState<string | null>(
    handedOver.created ? t('accounts.createdNotice') : null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [auditVersion, setAuditVersion] = useState(0);
  const { signedOut } = useSession();
  const data = account.data;

  const changed = (message: string) => {
    setError(null);
    setNotice(message);
    account.reload();
    setAuditVersion((version) => version + 1);
  };

  const suspend = async () => {
    await api.post(`${accountPath(id)}/suspend`);
    setConfirmSuspend(false);
    changed(t('accounts.suspendedNotice'));
  };

  /** Runs one change of the account; its notice comes from what the server answered. */
  const act = async (change: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      changed(await change());
    } catch (caught) {
      const apiError = asApiError(caught);
      if (apiError.status === 401) return signedOut();
      setError(apiError.message);
    } finally {
      setBusy(false);
    }
  };

  const reactivate = () =>
    act(async () => {
      await api.post(`${accountPath(id)}/reactivate`);
      return t('accounts.reactivatedNotice');
    });

  const resendLink = () =>
    act(async () => {
      const { sentTo } = await api.post<{ sentTo: string }>(`${accountPath(id)}/resend-main-user-link`);
      return t('accounts.linkResent', { email: sentTo });
    });

  const billing = data
    ? [
        data.billing.street,
        [data.billing.postalCode, data.billing.city].filter(Boolean).join(' '),
        data.billing.country,
      ].filter(Boolean)
    : [];

  return (
    <>
      <Anchor component={Link} href="/operator/accounts" size="sm">
        {t('accounts.back')}
      </Anchor>
      <PageTitle>{data?.name ?? t('accounts.account')}</PageTitle>
      {notice && (
        <Alert color="green" variant="light" role="status" mb="md">
          {notice}
        </Alert>
      )}
      <ErrorAlert message={error} />
      {account.status === 'loading' && <Loading />}
      {account.status === 'failed' && <ErrorAlert message={account.error.message} />}
      {data && (
        <Stack gap="xl">
          <Group gap="sm">
            <AccountStatusBadge status={data.status} />
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('accounts.edit')}
            </Button>
            {data.status === 'suspended' ? (
              <Button color="green" variant="light" loading={busy} onClick={reactivate}>
                {t('accounts.reactivate')}
              </Button>
            ) : (
              <Button color="red" variant="light" onClick={() => setConfirmSuspend(true)}>
                {t('accounts.suspend')}
              </Button>
            )}
          </Group>
          <DataList labelWidth={200} withDivider>
            <Item label={t('accounts.customerNumber')} mono>
              {data.customerNumber}
            </Item>
            <Item label={t('accounts.status')}>{t(`accounts.statuses.${data.status}`)}</Item>
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
                {data.owner.pendingActivation && (
                  <Group gap="sm" mt={4}>
                    <Text size="sm" c="dimmed">
                      {t('accounts.mainUserPending')}
                    </Text>
                    <Button size="xs" variant="light" loading={busy} onClick={resendLink}>
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
          <section aria-labelledby="account-audit-title">
            <Title order={2} size="h4" id="account-audit-title" mb="md">
              {t('audit.title')}
            </Title>
            <AuditLog
              path="/api/v1/operator/audit"
              fixed={{ accountId: data.id }}
              caption={t('audit.caption')}
              refresh={auditVersion}
            />
          </section>
        </Stack>
      )}
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
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
        onConfirm={suspend}
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
      <DataList.ItemValue ff={mono ? 'monospace' : undefined}>{children}</DataList.ItemValue>
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
  const { signedOut } = useSession();
  const errors = useFormErrors(accountFields);
  const [initial] = useState(() => accountValuesOf(account));
  const [values, setValues] = useState<AccountValues>(initial);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateAccount(values, t);
    // The API would accept it, but the account would then hold more users than it is licensed for (A4).
    if (!found.seatLimit && Number(values.seatLimit) < account.seatsUsed) {
      found.seatLimit = t('accounts.seatLimitBelowUsed', { used: account.seatsUsed });
    }
    if (Object.keys(found).length > 0) return errors.show(t('errors.checkFields'), found);
    errors.clear();
    const changes: Record<string, unknown> = {};
    if (values.name.trim() !== initial.name) changes.name = values.name.trim();
    if (values.seatLimit.trim() !== initial.seatLimit) changes.seatLimit = Number(values.seatLimit);
    if (values.locale !== initial.locale) changes.locale = values.locale;
    if (values.timezone !== initial.timezone) changes.timezone = values.timezone;
    if (billingFields.some((name) => values[`billing.${name}`].trim() !== initial[`billing.${name}`])) {
      changes.billing = billingOf(values);
    }
    if (Object.keys(changes).length === 0) return onDone(false);
    setBusy(true);
    try {
      await api.patch<CustomerAccount>(accountPath(account.id), changes);
      onDone(true);
    } catch (error) {
      if (asApiError(error).status === 401) return signedOut();
      errors.showApiError(error);
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <AccountFields
          values={values}
          onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
          errors={errors.fields}
        />
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => onDone(false)} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('accounts.save')}
          </Button>
        </Group>
      </form>
    </>
  );
}
