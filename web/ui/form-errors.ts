import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../app/api.ts';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

interface FormErrorState<Field extends string> {
  message: string | null;
  fields: FieldErrors<Field>;
  /** Server details whose field is not on this form, shown in the alert instead. */
  extra: string[];
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * Error state of one form. After each submit with errors, focus moves to the first invalid field
 * (Mantine marks it aria-invalid and links the message with aria-describedby).
 */
export function useFormErrors<Field extends string>(
  fieldNames: readonly Field[],
): FormErrorState<Field> & {
  formRef: RefObject<HTMLFormElement | null>;
  /** Changes on every failed submit; as a key it makes the alert announce a repeated message again. */
  attempt: number;
  clear: () => void;
  show: (message: string | null, fields?: FieldErrors<Field>) => void;
  showApiError: (error: unknown) => void;
} {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<FormErrorState<Field>>({ message: null, fields: {}, extra: [] });
  const [shown, setShown] = useState(0);

  useEffect(() => {
    if (shown === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [shown]);

  const clear = useCallback(() => setState({ message: null, fields: {}, extra: [] }), []);
  const show = useCallback((message: string | null, fields: FieldErrors<Field> = {}) => {
    setState({ message, fields, extra: [] });
    setShown((count) => count + 1);
  }, []);
  const showApiError = useCallback(
    (error: unknown) => {
      const apiError = error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', String(error));
      const fields: FieldErrors<Field> = {};
      const extra: string[] = [];
      for (const detail of apiError.details) {
        const message = capitalize(detail.message ?? detail.code);
        const field = fieldNames.find((name) => name === detail.field);
        if (field && !fields[field]) fields[field] = message;
        else if (!field) extra.push(`${detail.field}: ${message}`);
      }
      setState({ message: apiError.message, fields, extra });
      setShown((count) => count + 1);
    },
    [fieldNames],
  );

  return { ...state, attempt: shown, formRef, clear, show, showApiError };
}
