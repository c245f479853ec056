import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, asApiError } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { currentLocale, isLocale, localeNames, locales } from '../../i18n/i18n.ts';
import { displayName, nameFields } from '../../ui/display-name.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type FieldErrors, useFormErrors } from '../../ui/form-errors.ts';
import { salutationOptions, salutationValue } from '../../ui/salutation.ts';
import { type AccountUser, type UserWithCredentials, userPath, usersPath } from './users-types.ts';

const fields = ['username', 'salutation', 'title', 'firstName', 'lastName', 'email', 'locale'] as const;
type Field = (typeof fields)[number];
type TextField = 'username' | 'title' | 'firstName' | 'lastName' | 'email';
const requiredFields = ['username', 'firstName', 'lastName'] as const;

export type UserFormMode = 'create' | 'edit' | 'reassign';

export type UserFormResult =
  | { kind: 'credentials'; mode: 'create' | 'reassign'; result: UserWithCredentials }
  | { kind: 'updated'; user: AccountUser | null };

/**
 * U2–U4, U6: the person behind a user. "create" and "reassign" start empty and end with credentials shown
 * once; "edit" starts with the user's data and sends only what changed.
 */
export function UserForm({
  mode,
  accountId,
  user,
  onDone,
  onCancel,
}: {
  mode: UserFormMode;
  accountId: string;
  /** The user to edit or reassign. */
  user?: AccountUser;
  onDone: (result: UserFormResult) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { signedOut } = useSession();
  const errors = useFormErrors(fields);
  const editing = mode === 'edit' && user;
  const initial = {
    username: editing ? user.username : '',
    title: editing ? (user.title ?? '') : '',
    firstName: editing ? user.firstName : '',
    lastName: editing ? user.lastName : '',
    email: editing ? (user.email ?? '') : '',
    salutation: editing ? (user.salutation ?? '') : '',
    // '' stays only for a user whose language was never set; new people get the interface language.
    locale: editing ? (user.locale ?? '') : currentLocale(),
  };
  const [values, setValues] = useState(initial);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The admin right needs an address (U4); a reassigned user's new person starts without the right.
  const emailRequired = Boolean(user?.isAdmin) && mode === 'edit';

  const set = (name: keyof typeof values, value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const text = (name: TextField, label: string, extra: { description?: string } = {}) => ({
    label,
    name,
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => set(name, event.currentTarget.value),
    error: errors.fields[name],
    ...extra,
  });

  const body = () => {
    const full = {
      username: values.username.trim(),
      salutation: salutationValue(values.salutation),
      title: values.title.trim() || null,
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim() || null,
      locale: isLocale(values.locale) ? values.locale : null,
    };
    if (mode !== 'edit') return full;
    // PATCH: only what the admin changed.
    const changed: Partial<typeof full> = {};
    if (full.username !== initial.username) changed.username = full.username;
    if (values.salutation !== initial.salutation) changed.salutation = full.salutation;
    if (full.title !== (initial.title || null)) changed.title = full.title;
    if (full.firstName !== initial.firstName) changed.firstName = full.firstName;
    if (full.lastName !== initial.lastName) changed.lastName = full.lastName;
    if (full.email !== (initial.email || null)) changed.email = full.email;
    if (values.locale !== initial.locale) changed.locale = full.locale;
    return changed;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrorCode(null);
    const found: FieldErrors<Field> = {};
    for (const name of requiredFields) if (values[name].trim() === '') found[name] = t('errors.required');
    if (emailRequired && values.email.trim() === '') found.email = t('users.emailRequiredForAdmin');
    if (Object.keys(found).length > 0) return errors.show(t('errors.checkFields'), found);
    errors.clear();
    const data = body();
    if (Object.keys(data).length === 0) return onDone({ kind: 'updated', user: null });
    setBusy(true);
    try {
      if (mode === 'create') {
        const result = await api.post<UserWithCredentials>(usersPath(accountId), data);
        onDone({ kind: 'credentials', mode, result });
      } else if (mode === 'reassign' && user) {
        const result = await api.post<UserWithCredentials>(`${userPath(accountId, user.id)}/reassign`, data);
        onDone({ kind: 'credentials', mode, result });
      } else if (user) {
        onDone({ kind: 'updated', user: await api.patch<AccountUser>(userPath(accountId, user.id), data) });
      }
    } catch (caught) {
      const error = asApiError(caught);
      if (error.status === 401) return signedOut();
      setErrorCode(error.code);
      // Without a detail the server means the e-mail field all the same.
      const located =
        error.code === 'ADMIN_EMAIL_REQUIRED' && error.details.length === 0
          ? new ApiError(error.status, error.code, error.message, [
              { field: 'email', code: error.code, message: t('users.emailRequiredForAdmin') },
            ])
          : error;
      errors.showApiError(located);
      setBusy(false);
    }
  };

  const localeOptions = [
    ...(values.locale === '' ? [{ value: '', label: t('users.localeNotSet') }] : []),
    ...locales.map((locale) => ({ value: locale, label: localeNames[locale] })),
  ];

  return (
    <>
      {mode === 'reassign' && user && (
        <Alert
          color="yellow"
          variant="light"
          mb="md"
          title={t('users.reassignTitle', { name: displayName(user) })}
        >
          {t('users.reassignExplanation', { userNumber: user.userNumber })}
          {user.isAdmin && ` ${t('users.reassignAdminNote')}`}
        </Alert>
      )}
      <ErrorAlert
        key={errors.attempt}
        message={errors.message}
        extra={errors.extra}
        title={errorCode === 'SEAT_LIMIT_REACHED' ? t('users.seatLimitTitle') : undefined}
      />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            {...text('username', t('users.username'), { description: t('users.usernameHint') })}
            autoComplete="off"
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NativeSelect
              label={t('users.salutation')}
              name="salutation"
              data={salutationOptions(t)}
              value={values.salutation}
              onChange={(event) => set('salutation', event.currentTarget.value)}
              error={errors.fields.salutation}
            />
            <TextInput
              {...text('title', t('users.personTitle'), { description: t('register.personTitleHint') })}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="off"
            />
            {nameFields().map((name) => (
              <TextInput key={name} {...text(name, t(`users.${name}`))} autoComplete="off" required />
            ))}
          </SimpleGrid>
          <TextInput
            {...text('email', t('users.email'), {
              description: emailRequired ? t('users.emailHintAdmin') : t('users.emailHint'),
            })}
            type="email"
            autoComplete="off"
            required={emailRequired}
          />
          <NativeSelect
            label={t('users.locale')}
            description={t('users.localeHint')}
            name="locale"
            data={localeOptions}
            value={values.locale}
            onChange={(event) => set('locale', event.currentTarget.value)}
            error={errors.fields.locale}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t(`users.submit.${mode}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
