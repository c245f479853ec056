import {
  Anchor,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../app/api.ts';
import { Link, navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { currentLocale } from '../../i18n/i18n.ts';
import { nameFields } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type FieldErrors, useFormErrors } from '../../ui/form-errors.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { salutationOptions, salutationValue } from '../../ui/salutation.ts';
import type { AccountDetailState } from './AccountDetailPage.tsx';
import {
  AccountFields,
  type AccountValues,
  accountFields,
  billingOf,
  emptyAccountValues,
  validateAccount,
} from './AccountFields.tsx';
import type { CustomerAccount } from './accounts-types.ts';

const mainUserFields = [
  'mainUser.salutation',
  'mainUser.title',
  'mainUser.firstName',
  'mainUser.lastName',
  'mainUser.username',
  'mainUser.email',
] as const;
type MainUserField = (typeof mainUserFields)[number];
const fields = [...accountFields, ...mainUserFields] as const;
type Field = (typeof fields)[number];
type MainUserValues = Record<MainUserField, string>;

/** A3: an operator creates a customer account for an order; its main user gets a link to set a password. */
export function NewAccountPage() {
  const { t } = useTranslation();
  const { signedOut } = useSession();
  const errors = useFormErrors(fields);
  const [account, setAccount] = useState<AccountValues>(() => emptyAccountValues(currentLocale()));
  const [mainUser, setMainUser] = useState<MainUserValues>({
    'mainUser.salutation': '',
    'mainUser.title': '',
    'mainUser.firstName': '',
    'mainUser.lastName': '',
    'mainUser.username': '',
    'mainUser.email': '',
  });
  const [busy, setBusy] = useState(false);

  const text = (name: Exclude<MainUserField, 'mainUser.salutation'>, label: string) => ({
    label,
    name,
    value: mainUser[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const { value } = event.currentTarget;
      setMainUser((current) => ({ ...current, [name]: value }));
    },
    error: errors.fields[name],
    autoComplete: 'off',
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<Field> = validateAccount(account, t);
    for (const name of ['mainUser.firstName', 'mainUser.lastName', 'mainUser.email'] as const) {
      if (mainUser[name].trim() === '') found[name] = t('errors.required');
    }
    if (Object.keys(found).length > 0) return errors.show(t('errors.checkFields'), found);
    errors.clear();
    setBusy(true);
    const optional = (value: string) => value.trim() || undefined;
    const billing = billingOf(account);
    const body = {
      name: account.name.trim(),
      seatLimit: Number(account.seatLimit),
      locale: account.locale,
      timezone: account.timezone,
      ...(Object.values(billing).some(Boolean) ? { billing } : {}),
      mainUser: {
        salutation: salutationValue(mainUser['mainUser.salutation']) ?? undefined,
        title: optional(mainUser['mainUser.title']),
        firstName: mainUser['mainUser.firstName'].trim(),
        lastName: mainUser['mainUser.lastName'].trim(),
        username: optional(mainUser['mainUser.username']),
        email: mainUser['mainUser.email'].trim(),
      },
    };
    try {
      const created = await api.post<CustomerAccount>('/api/v1/operator/accounts', body);
      const state: AccountDetailState = { created: true };
      navigate(`/operator/accounts/${encodeURIComponent(created.id)}`, { state });
    } catch (error) {
      if (asApiError(error).status === 401) return signedOut();
      errors.showApiError(error);
      setBusy(false);
    }
  };

  return (
    <>
      <Anchor component={Link} href="/operator/accounts" size="sm">
        {t('accounts.back')}
      </Anchor>
      <PageTitle>{t('accounts.newTitle')}</PageTitle>
      <Text mb="md">{t('accounts.newIntro')}</Text>
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Stack maw={760}>
          <AccountFields
            values={account}
            onChange={(name, value) => setAccount((current) => ({ ...current, [name]: value }))}
            errors={errors.fields}
          />
          <Fieldset legend={t('accounts.mainUser')}>
            <Text size="sm" c="dimmed" mb="sm">
              {t('accounts.mainUserHint')}
            </Text>
            <Stack>
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <NativeSelect
                  label={t('users.salutation')}
                  name="mainUser.salutation"
                  data={salutationOptions(t)}
                  value={mainUser['mainUser.salutation']}
                  onChange={(event) => {
                    const { value } = event.currentTarget;
                    setMainUser((current) => ({ ...current, 'mainUser.salutation': value }));
                  }}
                  error={errors.fields['mainUser.salutation']}
                />
                <TextInput
                  {...text('mainUser.title', t('users.personTitle'))}
                  description={t('register.personTitleHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
                {nameFields().map((name) => (
                  <TextInput key={name} {...text(`mainUser.${name}`, t(`users.${name}`))} required />
                ))}
              </SimpleGrid>
              <TextInput
                {...text('mainUser.username', t('users.username'))}
                description={t('accounts.mainUsernameHint')}
              />
              <TextInput
                {...text('mainUser.email', t('users.email'))}
                description={t('accounts.mainEmailHint')}
                type="email"
                required
              />
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={busy}>
              {t('accounts.create')}
            </Button>
            <Button component={Link} href="/operator/accounts" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
