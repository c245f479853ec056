import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiResult, api, asApiError } from '../../api/client.ts';
import { currentLocale, isLocale, localeNames, locales } from '../../i18n/i18n.ts';
import { displayName, nameFields } from '../../ui/display-name.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { salutationOptions, salutationValue } from '../../ui/salutation.ts';
import { usersChanged } from './users-changed.ts';

/** One user of the account as GET /api/v1/accounts/{accountId}/users lists it. */
export type AccountUser = ApiResult<'/api/v1/accounts/{accountId}/users'>['items'][number];
/** POST …/users/{userId}/reassign: the user and their program credentials, shown once. */
export type UserWithCredentials = ApiResult<'/api/v1/accounts/{accountId}/users/{userId}/reassign', 'post'>;

const emptyValues = {
  username: '',
  salutation: '',
  title: '',
  firstName: '',
  lastName: '',
  email: '',
  locale: '',
  /** S4, create only: an activation e-mail instead of the credentials shown once. */
  sendActivation: false,
};
type Values = typeof emptyValues;

/** What POST …/users and …/reassign take: empty optional fields as null. */
function bodyOf(values: Values) {
  return {
    username: values.username.trim(),
    salutation: salutationValue(values.salutation),
    title: values.title.trim() || null,
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim() || null,
    locale: isLocale(values.locale) ? values.locale : null,
  };
}

export type UserFormMode = 'create' | 'edit' | 'reassign';

export type UserFormResult =
  | { kind: 'credentials'; mode: 'create' | 'reassign'; result: UserWithCredentials }
  | { kind: 'activation'; user: AccountUser; sentTo: string }
  | { kind: 'updated'; user: AccountUser | null };

/**
 * U2–U4, U6: the person behind a user. "create" and "reassign" start empty and end with credentials shown
 * once; "edit" starts with the user's data and sends only what changed.
 */
export function UserForm({
  mode,
  accountId,
  user,
  onOrder = false,
  onDone,
  onCancel,
}: {
  mode: UserFormMode;
  accountId: string;
  /** The user to edit or reassign. */
  user?: AccountUser;
  /**
   * Issue 16: the provider's support, on the customer's order (operator endpoints). A new user then always
   * activates with an e-mailed link: credentials never pass through the provider's staff.
   */
  onOrder?: boolean;
  onDone: (result: UserFormResult) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = useRequired();
  const create = api.useMutation('post', '/api/v1/accounts/{accountId}/users');
  const reassign = api.useMutation('post', '/api/v1/accounts/{accountId}/users/{userId}/reassign');
  const update = api.useMutation('patch', '/api/v1/accounts/{accountId}/users/{userId}');
  const createOnOrder = api.useMutation('post', '/api/v1/operator/accounts/{accountId}/users');
  const updateOnOrder = api.useMutation('patch', '/api/v1/operator/accounts/{accountId}/users/{userId}');
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const editing = mode === 'edit' && user;
  // The admin right needs an address (U4); a reassigned user's new person starts without the right.
  const emailRequired = Boolean(user?.isAdmin) && mode === 'edit';
  const form = useKontorForm<Values>({
    initialValues: editing
      ? {
          username: user.username,
          salutation: user.salutation ?? '',
          title: user.title ?? '',
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email ?? '',
          // '' stays only for a user whose language was never set.
          locale: user.locale ?? '',
          sendActivation: false,
        }
      : // New people get the interface language.
        { ...emptyValues, locale: currentLocale(), sendActivation: onOrder },
    validate: {
      username: required,
      firstName: required,
      lastName: required,
      email: (value, values) =>
        emailRequired && value.trim() === ''
          ? t('users.emailRequiredForAdmin')
          : values.sendActivation && value.trim() === ''
            ? t('errors.ACTIVATION_EMAIL_REQUIRED', { ns: 'server' })
            : null,
    },
  });

  /** PATCH: only what the admin changed. */
  const changes = (full: ReturnType<typeof bodyOf>, values: Values) => {
    const initial = form.getInitialValues();
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

  const save = async (values: Values): Promise<UserFormResult> => {
    const full = bodyOf(values);
    if (mode === 'edit' && user) {
      const changed = changes(full, values);
      if (Object.keys(changed).length === 0) return { kind: 'updated', user: null };
      const path = { accountId, userId: user.id };
      const changing = onOrder ? updateOnOrder : update;
      return { kind: 'updated', user: await changing.mutateAsync({ params: { path }, body: changed }) };
    }
    if (mode === 'reassign' && user) {
      const path = { accountId, userId: user.id };
      return {
        kind: 'credentials',
        mode,
        result: await reassign.mutateAsync({ params: { path }, body: full }),
      };
    }
    if (onOrder) {
      const created = await createOnOrder.mutateAsync({ params: { path: { accountId } }, body: full });
      return { kind: 'activation', user: created, sentTo: created.email ?? '' };
    }
    const body = values.sendActivation ? { ...full, sendActivation: true } : full;
    const {
      user: created,
      credentials,
      activation,
    } = await create.mutateAsync({
      params: { path: { accountId } },
      body,
    });
    if (activation) return { kind: 'activation', user: created, sentTo: activation.sentTo };
    if (!credentials) throw new Error('a created user comes with credentials or an activation');
    return { kind: 'credentials', mode: 'create', result: { user: created, credentials } };
  };

  const send = async (values: Values) => {
    setErrorCode(null);
    try {
      const result = await save(values);
      if (result.kind !== 'updated' || result.user) void usersChanged(queryClient, onOrder);
      onDone(result);
    } catch (caught) {
      const error = asApiError(caught);
      setErrorCode(error.code);
      // Without a detail the server means the e-mail field all the same.
      if (error.code === 'ADMIN_EMAIL_REQUIRED' && error.details.length === 0) {
        throw new ApiError(error.status, error.code, error.message, [
          { field: 'email', code: error.code, message: t('users.emailRequiredForAdmin') },
        ]);
      }
      throw error;
    }
  };

  const localeOptions = [
    ...(form.getValues().locale === '' ? [{ value: '', label: t('users.localeNotSet') }] : []),
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
      <FormErrorAlert
        alert={form.alert}
        title={errorCode === 'SEAT_LIMIT_REACHED' ? t('users.seatLimitTitle') : undefined}
      />
      <form ref={form.formRef} onSubmit={form.submit(send)} noValidate>
        <Stack>
          <TextInput
            label={t('users.username')}
            description={t('users.usernameHint')}
            name="username"
            {...form.getInputProps('username')}
            key={form.key('username')}
            autoComplete="off"
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NativeSelect
              label={t('users.salutation')}
              name="salutation"
              data={salutationOptions(t)}
              {...form.getInputProps('salutation')}
              key={form.key('salutation')}
            />
            <TextInput
              label={t('users.personTitle')}
              description={t('register.personTitleHint')}
              name="title"
              {...form.getInputProps('title')}
              key={form.key('title')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="off"
            />
            {nameFields().map((name) => (
              <TextInput
                label={t(`users.${name}`)}
                name={name}
                {...form.getInputProps(name)}
                key={form.key(name)}
                autoComplete="off"
                required
              />
            ))}
          </SimpleGrid>
          <TextInput
            label={t('users.email')}
            description={emailRequired ? t('users.emailHintAdmin') : t('users.emailHint')}
            name="email"
            {...form.getInputProps('email')}
            key={form.key('email')}
            type="email"
            autoComplete="off"
            required={emailRequired}
          />
          <NativeSelect
            label={t('users.locale')}
            description={t('users.localeHint')}
            name="locale"
            data={localeOptions}
            {...form.getInputProps('locale')}
            key={form.key('locale')}
          />
          {mode === 'create' && !onOrder && (
            <Checkbox
              label={t('users.sendActivation')}
              description={t('users.sendActivationHint')}
              name="sendActivation"
              {...form.getInputProps('sendActivation', { type: 'checkbox' })}
              key={form.key('sendActivation')}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onCancel} disabled={form.submitting}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t(`users.submit.${mode}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
