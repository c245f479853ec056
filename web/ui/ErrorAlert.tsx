import { Alert, List } from '@mantine/core';
import type { FormAlert } from './forms.ts';

/** Announces an error (role="alert"); `extra` lists messages that belong to no visible field. */
export function ErrorAlert({
  message,
  extra = [],
  title,
}: {
  message: string | null | undefined;
  extra?: string[];
  /** A heading for errors that stop the whole task, e.g. "No free seat". */
  title?: string;
}) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" mb="md" title={title}>
      {message}
      {extra.length > 0 && (
        <List size="sm" mt="xs">
          {extra.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** A form's alert (useKontorForm): announced again on every failed submit, even with the same message. */
export function FormErrorAlert({ alert, title }: { alert: FormAlert; title?: string }) {
  return <ErrorAlert key={alert.attempt} message={alert.message} extra={alert.extra} title={title} />;
}
