import { Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { navigate } from '../../app/router.tsx';
import { currentLocale, type Locale, localeNames, locales } from '../../i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type FieldErrors, useFormErrors } from '../../ui/form-errors.ts';
import { PasswordField } from '../../ui/PasswordField.tsx';
import type { OperatorSignInState } from '../operator/OperatorSignInPage.tsx';
import { passwordLength, passwordMaxLength, passwordMinLength } from '../password/password-rules.ts';

const fields = ['name', 'email', 'password', 'passwordRepeat', 'locale'] as const;
type Field = (typeof fields)[number];
const localeOptions = locales.map((locale) => ({ value: locale, label: localeNames[locale] }));

export function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const errors = useFormErrors(fields);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [passwordRepeat, setPasswordRepeat] = useState('');
  // null: follow the interface language until the operator picks one.
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = chosenLocale ?? currentLocale();
  const length = passwordLength(password);
  const missing = length > 0 && length < passwordMinLength ? passwordMinLength - length : 0;

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    if (name.trim() === '') found.name = t('errors.required');
    if (email.trim() === '') found.email = t('errors.required');
    if (length === 0) found.password = t('errors.required');
    else if (length < passwordMinLength) found.password = t('setup.passwordTooShort');
    else if (length > passwordMaxLength) found.password = t('setup.passwordTooLong');
    if (passwordRepeat !== password) found.passwordRepeat = t('setup.passwordMismatch');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    if (Object.keys(found).length > 0) return errors.show(t('errors.checkFields'), found);
    errors.clear();
    setBusy(true);
    try {
      const body = { token, name: name.trim(), email: email.trim(), password, locale };
      await api.post('/api/v1/operator/setup', body);
      const handOver: OperatorSignInState = { email: body.email, setupDone: true };
      navigate('/operator/sign-in', { state: handOver });
    } catch (error) {
      errors.showApiError(error);
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorAlert key={errors.attempt} message={errors.message} extra={errors.extra} />
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('setup.name')}
            name="name"
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.fields.name}
            required
          />
          <TextInput
            label={t('setup.email')}
            type="email"
            name="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.fields.email}
            required
          />
          <PasswordField
            label={t('setup.password')}
            name="password"
            autoComplete="new-password"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            description={
              <>
                {t('setup.passwordRule')}{' '}
                <Text span inherit aria-live="polite">
                  {missing > 0 ? t('setup.passwordHint', { count: missing }) : ''}
                </Text>
              </>
            }
            error={errors.fields.password}
            required
          />
          <PasswordField
            label={t('setup.passwordRepeat')}
            name="passwordRepeat"
            autoComplete="new-password"
            value={passwordRepeat}
            onChange={(event) => setPasswordRepeat(event.currentTarget.value)}
            error={errors.fields.passwordRepeat}
            required
          />
          <NativeSelect
            label={t('setup.locale')}
            description={t('setup.localeDescription')}
            name="locale"
            data={localeOptions}
            value={locale}
            onChange={(event) => setChosenLocale(event.currentTarget.value as Locale)}
            error={errors.fields.locale}
          />
          <Button type="submit" loading={busy}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
