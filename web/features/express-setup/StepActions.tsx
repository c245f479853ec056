import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ExpressSetup } from './express-setup-data.ts';

/** What every step form gets: in the wizard "Next" with Back and Skip, on the settings page "Save". */
export interface StepFormProps {
  setup: ExpressSetup;
  accountId: string;
  /** After the step was saved: the wizard moves on, the settings page says so. */
  onSaved: () => Promise<void> | void;
  submitLabel: string;
  /** The wizard's "Back" and "Skip"; nothing on the settings page. */
  actions?: ReactNode;
  /** Whether the form may be changed (the account-wide steps need "account.edit"). */
  readOnly?: boolean;
}

export function StepActions({
  submitLabel,
  actions,
  loading,
  disabled,
}: {
  submitLabel: string;
  actions?: ReactNode;
  loading?: boolean;
  disabled?: boolean;
}) {
  return (
    <Group justify="flex-end" mt="md">
      {actions}
      {!disabled && (
        <Button type="submit" loading={loading}>
          {submitLabel}
        </Button>
      )}
    </Group>
  );
}
