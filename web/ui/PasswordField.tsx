import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's PasswordInput with a translated label on the show/hide toggle (it carries aria-pressed), and
 * aria-invalid on the input when there is an error: Mantine marks only data-invalid there, and the forms
 * move focus to the first aria-invalid field.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('layout.showPassword') }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
