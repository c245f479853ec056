// One way to run a form (@mantine/form): rules run on submit (a field's error goes as soon as it is changed;
// checking on blur would move the submit button under the pointer mid-click), a failed submit announces itself
// in the form's alert and moves focus to the first invalid field, and the server's `details[].field`
// errors land under their fields (the rest is listed in the alert).
import { type UseFormInput, useForm } from '@mantine/form';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../api/client.ts';

export interface FormAlert {
  message: string | null;
  /** Server details whose field is not on this form. */
  extra: string[];
  /** Changes on every failed submit; as a key it makes the alert announce a repeated message again. */
  attempt: number;
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Whether `path` ("email", "owner.email") names a value of the form. */
function hasField(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

export function useKontorForm<Values extends Record<string, unknown>>(input: UseFormInput<Values>) {
  const { t } = useTranslation();
  const form = useForm<Values>(input);
  const formRef = useRef<HTMLFormElement>(null);
  const [alert, setAlert] = useState<FormAlert>({ message: null, extra: [], attempt: 0 });

  // After each failed submit, once its errors are rendered (Mantine marks the inputs aria-invalid).
  useEffect(() => {
    if (alert.attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [alert.attempt]);
  /** Shows `message` in the form's alert, e.g. a refusal that belongs to no field. */
  const fail = useCallback((message: string, extra: string[] = []) => {
    setAlert((current) => ({ message, extra, attempt: current.attempt + 1 }));
  }, []);
  const clearAlert = useCallback(() => setAlert((current) => ({ ...current, message: null, extra: [] })), []);

  const showApiError = (error: unknown) => {
    const apiError = asApiError(error);
    const fields: Record<string, string> = {};
    const extra: string[] = [];
    for (const detail of apiError.details) {
      const message = capitalize(detail.message ?? detail.code);
      if (!hasField(form.getValues(), detail.field)) extra.push(`${detail.field}: ${message}`);
      else fields[detail.field] ??= message;
    }
    form.setErrors(fields);
    fail(apiError.message, extra);
  };

  /** The form's onSubmit: checks the rules, then runs `send`; a thrown ApiError is shown on the form. */
  const submit =
    (send: (values: Values) => Promise<unknown> | unknown) => (event?: FormEvent<HTMLFormElement>) =>
      form.onSubmit(
        async (values) => {
          clearAlert();
          try {
            await send(values);
          } catch (error) {
            showApiError(error);
          }
        },
        () => fail(t('errors.checkFields')),
      )(event);

  return { ...form, formRef, alert, fail, clearAlert, showApiError, submit };
}

/** The rule "must not be empty" in the interface language. */
export function useRequired() {
  const { t } = useTranslation();
  return useCallback(
    (value: unknown) => (String(value ?? '').trim() === '' ? t('errors.required') : null),
    [t],
  );
}
