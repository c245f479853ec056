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
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type ApiBody, api } from '../../api/client.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { nameFields } from '../../ui/display-name.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { salutationOptions, salutationValue } from '../../ui/salutation.ts';
import {
  AccountFields,
  type AccountValues,
  billingOf,
  emptyAccountValues,
  localeOf,
  useAccountRules,
} from './AccountFields.tsx';

/** Nested as the API's body is, so its `mainUser.email` error lands under that input. */
type NewAccountValues = AccountValues & {
  mainUser: {
    salutation: string;
    title: string;
    firstName: string;
    lastName: string;
    username: string;
    email: string;
  };
};

type NewAccountBody = ApiBody<'/api/v1/operator/accounts', 'post'>;

function bodyOf(values: NewAccountValues): NewAccountBody {
  const optional = (value: string) => value.trim() || undefined;
  const billing = billingOf(values.billing);
  const { mainUser } = values;
  return {
    name: values.name.trim(),
    seatLimit: Number(values.seatLimit),
    locale: localeOf(values.locale),
    timezone: values.timezone,
    ...(Object.values(billing).some(Boolean) ? { billing } : {}),
    mainUser: {
      salutation: salutationValue(mainUser.salutation) ?? undefined,
      title: optional(mainUser.title),
      firstName: mainUser.firstName.trim(),
      lastName: mainUser.lastName.trim(),
      username: optional(mainUser.username),
      email: mainUser.email.trim(),
    },
  };
}

/** A3: an operator creates a customer account for an order; its main user gets a link to set a password. */
export function NewAccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const required = useRequired();
  const accountRules = useAccountRules();
  const form = useKontorForm<NewAccountValues>({
    initialValues: {
      ...emptyAccountValues(currentLocale()),
      mainUser: { salutation: '', title: '', firstName: '', lastName: '', username: '', email: '' },
    },
    validate: { ...accountRules, mainUser: { firstName: required, lastName: required, email: required } },
  });
  const create = api.useMutation('post', '/api/v1/operator/accounts');

  const submit = form.submit(async (values) => {
    const created = await create.mutateAsync({ body: bodyOf(values) });
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/accounts'] });
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/audit'] });
    await navigate({ to: '/operator/accounts/$id', params: { id: created.id }, state: { created: true } });
  });

  const text = (name: 'title' | 'firstName' | 'lastName' | 'username' | 'email', label: string) => ({
    ...form.getInputProps(`mainUser.${name}`),
    label,
    name: `mainUser.${name}`,
    autoComplete: 'off',
  });

  return (
    <>
      <Anchor component={Link} to="/operator/accounts" size="sm">
        {t('accounts.back')}
      </Anchor>
      <PageTitle>{t('accounts.newTitle')}</PageTitle>
      <Text mb="md">{t('accounts.newIntro')}</Text>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack maw={760}>
          <AccountFields form={form} />
          <Fieldset legend={t('accounts.mainUser')}>
            <Text size="sm" c="dimmed" mb="sm">
              {t('accounts.mainUserHint')}
            </Text>
            <Stack>
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <NativeSelect
                  {...form.getInputProps('mainUser.salutation')}
                  key={form.key('mainUser.salutation')}
                  label={t('users.salutation')}
                  name="mainUser.salutation"
                  data={salutationOptions(t)}
                />
                <TextInput
                  {...text('title', t('users.personTitle'))}
                  key={form.key('mainUser.title')}
                  description={t('register.personTitleHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
                {nameFields().map((name) => (
                  <TextInput
                    {...text(name, t(`users.${name}`))}
                    key={form.key(`mainUser.${name}`)}
                    required
                  />
                ))}
              </SimpleGrid>
              <TextInput
                {...text('username', t('users.username'))}
                key={form.key('mainUser.username')}
                description={t('accounts.mainUsernameHint')}
              />
              <TextInput
                {...text('email', t('users.email'))}
                key={form.key('mainUser.email')}
                description={t('accounts.mainEmailHint')}
                type="email"
                required
              />
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('accounts.create')}
            </Button>
            <Button component={Link} to="/operator/accounts" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
