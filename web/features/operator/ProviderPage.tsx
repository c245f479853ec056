import { Button, Group, Input, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiBody, api } from '../../api/client.ts';
import { logoPath, type ProviderIdentity, useProvider } from '../../app/provider.tsx';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { fileAsBase64 } from '../../ui/file-base64.ts';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PaymentSettingsSection } from './PaymentSettingsForm.tsx';
import { SellerSection } from './SellerForm.tsx';

const fields = ['name', 'address', 'supportEmail', 'supportPhone', 'website', 'legalNotice'] as const;
type Field = (typeof fields)[number];
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
  const queryClient = useQueryClient();
  const required = useRequired();
  const form = useKontorForm<Values>({
    initialValues: valuesOf(provider),
    validate: {
      name: required,
      website: (value) =>
        value.trim() && !/^https?:\/\/\S+$/.test(value.trim()) ? t('provider.websiteFormat') : null,
    },
  });
  const update = api.useMutation('patch', '/api/v1/operator/provider');

  /** The header, footer and this page show the answer at once; the change is in the operators' audit log. */
  const saved = (changed: ProviderIdentity, message: string) => {
    providerChanged(changed);
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/audit'] });
    notifyDone(message);
  };

  const submit = form.submit(async (values) => {
    const initial = form.getInitialValues();
    const changes: ApiBody<'/api/v1/operator/provider', 'patch'> = {};
    for (const name of fields) {
      if (values[name].trim() !== initial[name]) changes[name] = values[name].trim() || null;
    }
    if (Object.keys(changes).length === 0) return notifyDone(t('provider.saved'));
    const changed = await update.mutateAsync({ body: changes });
    // The server's spelling (e.g. the phone number in international format) becomes the form's.
    form.setInitialValues(valuesOf(changed));
    form.setValues(valuesOf(changed));
    saved(changed, t('provider.saved'));
  });

  const input = (name: Field, extra: { description?: string } = {}) => ({
    ...form.getInputProps(name),
    label: t(`provider.${name}`),
    name,
    ...extra,
  });

  return (
    <>
      <PageTitle>{t('provider.title')}</PageTitle>
      <Text mb="md">{t('provider.intro')}</Text>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack maw={640}>
          <TextInput
            {...input('name', { description: t('provider.nameHint') })}
            key={form.key('name')}
            autoComplete="organization"
            required
          />
          <Textarea
            {...input('address')}
            key={form.key('address')}
            autosize
            minRows={2}
            autoComplete="street-address"
          />
          <TextInput
            {...input('supportEmail')}
            key={form.key('supportEmail')}
            type="email"
            autoComplete="email"
          />
          <TextInput
            {...input('supportPhone', { description: t('provider.supportPhoneHint') })}
            key={form.key('supportPhone')}
            type="tel"
            autoComplete="tel"
          />
          <TextInput {...input('website')} key={form.key('website')} type="url" autoComplete="url" />
          <Textarea
            {...input('legalNotice', { description: t('provider.legalNoticeHint') })}
            key={form.key('legalNotice')}
            autosize
            minRows={3}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('provider.save')}
          </Button>
        </Stack>
      </form>
      <LogoField provider={provider} saved={saved} />
      <SellerSection />
      <PaymentSettingsSection />
    </>
  );
}

/** The logo is sent on its own, as soon as a file is chosen; its refusal shows under the file input. */
function LogoField({
  provider,
  saved,
}: {
  provider: ProviderIdentity;
  saved: (changed: ProviderIdentity, message: string) => void;
}) {
  const { t } = useTranslation();
  const logoId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  // A form of one field, so the server's `data` detail lands under the file input like any field error.
  const form = useKontorForm({ initialValues: { data: '' } });
  const upload = api.useMutation('put', '/api/v1/operator/provider/logo');
  const remove = api.useMutation('delete', '/api/v1/operator/provider/logo');
  const error = form.errors.data;

  const chooseLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    const data = await fileAsBase64(file);
    form.clearAlert();
    form.clearErrors();
    try {
      saved(await upload.mutateAsync({ body: { data } }), t('provider.logoSaved'));
    } catch (caught) {
      form.showApiError(caught);
    }
  };

  const removeLogo = async () => {
    form.clearAlert();
    form.clearErrors();
    try {
      saved(await remove.mutateAsync({}), t('provider.logoRemoved'));
      fileInput.current?.focus(); // the button is gone with the logo
    } catch (caught) {
      form.showApiError(caught);
    }
  };

  const logo = logoPath(provider);
  const describedBy = [`${logoId}-description`, error ? `${logoId}-error` : null].filter(Boolean).join(' ');
  return (
    <form ref={form.formRef} onSubmit={(event) => event.preventDefault()} noValidate>
      <Stack mt="xl" maw={640} gap={0}>
        <FormErrorAlert alert={form.alert} />
        <Input.Wrapper
          id={logoId}
          label={t('provider.logo')}
          description={t('provider.logoHint')}
          error={error}
        >
          <Group mt={4} gap="md">
            {logo && <img src={logo} alt={t('provider.logoCurrent')} height={48} />}
            <input
              ref={fileInput}
              id={logoId}
              type="file"
              accept="image/png,image/jpeg"
              onChange={chooseLogo}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            />
            {logo && (
              <Button variant="default" size="xs" onClick={removeLogo} loading={remove.isPending}>
                {t('provider.logoRemove')}
              </Button>
            )}
          </Group>
        </Input.Wrapper>
      </Stack>
    </form>
  );
}
