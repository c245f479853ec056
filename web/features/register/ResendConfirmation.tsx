import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ApiBody, api } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';

type ResendBody = ApiBody<'/api/v1/auth/resend-confirmation', 'post'>;
/** Who the e-mail is for: the e-mail address, or customer number and user number, as signed in with. */
export type Identifier =
  | Required<Pick<ResendBody, 'email'>>
  | Required<Pick<ResendBody, 'customerNumber' | 'userNumber'>>;

/**
 * "Send the confirmation e-mail again": for the identifier the person just signed in with, or for an address
 * they type. The answer is the same whatever the address, so the notice promises nothing.
 */
export function ResendConfirmation({
  identifier,
  initialEmail = '',
}: {
  identifier?: Identifier;
  initialEmail?: string;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  const resend = api.useMutation('post', '/api/v1/auth/resend-confirmation');
  const form = useKontorForm({
    initialValues: { email: initialEmail },
    // With an identifier there is no field to fill in.
    validate: { email: (value) => (identifier ? null : required(value)) },
  });

  const send = form.submit(({ email }) =>
    resend.mutateAsync({ body: identifier ?? { email: email.trim() } }),
  );

  if (resend.isSuccess) {
    // The result of the button, and what to do next: it stays where the button was.
    return (
      <Alert color="green" variant="light" role="status" mb="md">
        {t('resendConfirmation.sent')}
      </Alert>
    );
  }
  return (
    <>
      <FormErrorAlert alert={form.alert} />
      <form ref={form.formRef} onSubmit={send} noValidate>
        <Group align="flex-end" mb="md">
          {!identifier && (
            <TextInput
              label={t('resendConfirmation.email')}
              type="email"
              name="email"
              autoComplete="email"
              {...form.getInputProps('email')}
              key={form.key('email')}
              flex={1}
            />
          )}
          {/* The label is long (German): at phone width it wraps instead of running out of the box. */}
          <Button
            type="submit"
            variant={identifier ? 'light' : 'filled'}
            loading={form.submitting}
            h="auto"
            mih={36}
            py={6}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
          >
            {t('resendConfirmation.submit')}
          </Button>
        </Group>
      </form>
    </>
  );
}
