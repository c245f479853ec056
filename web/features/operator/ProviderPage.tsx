import { Alert, Button, Group, Input, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../app/api.ts';
import { logoPath, type ProviderIdentity, useProvider } from '../../app/provider.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type FieldErrors, useFormErrors } from '../../ui/form-errors.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

const fields = ['name', 'address', 'supportEmail', 'supportPhone', 'website', 'legalNotice', 'data'] as const;
type Field = Exclude<(typeof fields)[number], 'data'>;
type Values = Record<Field, string>;

const valuesOf = (provider: ProviderIdentity): Values => ({
  name: provider.configured ? provider.name : '',
  address: provider.address ?? '',
  supportEmail: provider.supportEmail ?? '',
  supportPhone: provider.supportPhone ?? '',
  website: provider.website ?? '',
  legalNotice: provider.legalNotice ?? '',
});

/** The provider's identity, set once: sender name, signature and footer of every e-mail and every page. */
export function ProviderPage() {
  const { provider } = useProvider();
  if (!provider) return <Loading />;
  return <ProviderForm provider={provider} />;
}

function ProviderForm({ provider }: { provider: ProviderIdentity }) {
  const { t } = useTranslation();
  const { providerChanged } = useProvider();
  const { signedOut } = useSession();
  const errors = useFormErrors(fields);
  const logoId = useId();
  const initial = valuesOf(provider);
  const [values, setValues] = useState(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const saved = (changed: ProviderIdentity, message: string) => {
    providerChanged(changed);
    setNotice(message);
  };
  const failed = (error: unknown) => {
    if (asApiError(error).status === 401) return signedOut();
    errors.showApiError(error);
  };

  const input = (name: Field, extra: { description?: string } = {}) => ({
    label: t(`provider.${name}`),
    name,
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const { value } = event.currentTarget;
      setNotice(null);
      setValues((current) => ({ ...current, [name]: value }));
    },
    error: errors.fields[name],
    ...extra,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const found: FieldErrors<Field> = {};
    if (values.name.trim() === '') found.name = t('errors.required');
    if (values.website.trim() && !/^https?:\/\/\S+$/.test(values.website.trim()))
      found.website = t('provider.websiteFormat');
    if (Object.keys(found).length > 0) return errors.show(t('errors.checkFields'), found);
    errors.clear();
    const changes = Object.fromEntries(
      (Object.keys(values) as Field[])
        .filter((name) => values[name].trim() !== initial[name])
        .map((name) => [name, values[name].trim() || null]),
    );
    if (Object.keys(changes).length === 0) return setNotice(t('provider.saved'));
    setBusy(true);
    try {
      const changed = await api.patch<ProviderIdentity>('/api/v1/operator/provider', changes);
      saved(changed, t('provider.saved'));
      setValues(valuesOf(changed));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const chooseLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    try {
      errors.clear();
      const changed = await api.put<ProviderIdentity>('/api/v1/operator/provider/logo', {
        data: btoa(binary),
      });
      saved(changed, t('provider.logoSaved'));
    } catch (error) {
      failed(error);
    }
  };

  const removeLogo = async () => {
    try {
      saved(await api.delete<ProviderIdentity>('/api/v1/operator/provider/logo'), t('provider.logoRemoved'));
    } catch (error) {
      failed(error);
    }
  };

  const logo = logoPath(provider);
  return (
    <>
      <PageTitle>{t('provider.title')}</PageTitle>
      <Text mb="md">{t('provider.intro')}</Text>
      {notice && (
        <Alert color="green" variant="light" role="status" mb="md">
          {notice}
        </Alert>
      )}
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Stack maw={640}>
          <TextInput
            {...input('name', { description: t('provider.nameHint') })}
            autoComplete="organization"
            required
          />
          <Textarea {...input('address')} autosize minRows={2} autoComplete="street-address" />
          <TextInput {...input('supportEmail')} type="email" autoComplete="email" />
          <TextInput
            {...input('supportPhone', { description: t('provider.supportPhoneHint') })}
            type="tel"
            autoComplete="tel"
          />
          <TextInput {...input('website')} type="url" autoComplete="url" />
          <Textarea
            {...input('legalNotice', { description: t('provider.legalNoticeHint') })}
            autosize
            minRows={3}
          />
          <Button type="submit" loading={busy} w="fit-content">
            {t('provider.save')}
          </Button>
        </Stack>
      </form>
      <Input.Wrapper
        id={logoId}
        label={t('provider.logo')}
        description={t('provider.logoHint')}
        error={errors.fields.data}
        mt="xl"
        maw={640}
      >
        <Group mt={4} gap="md">
          {logo && <img src={logo} alt={t('provider.logoCurrent')} height={48} />}
          <input id={logoId} type="file" accept="image/png,image/jpeg" onChange={chooseLogo} />
          {logo && (
            <Button variant="default" size="xs" onClick={removeLogo}>
              {t('provider.logoRemove')}
            </Button>
          )}
        </Group>
      </Input.Wrapper>
    </>
  );
}
