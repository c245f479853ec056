import { Alert, Anchor, Button, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm, useRequired } from '../../ui/forms.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';

/**
 * Issue 11.6: anybody asks for an account's access data. The answer is the same whatever the customer
 * number: the links go to the account's administrators, never to the person asking.
 */
export function CredentialsRequestPage() {
  const { t } = useTranslation();
  const required = useRequired();
  const request = api.useMutation('post', '/api/v1/credential-requests');
  const form = useKontorForm({
    initialValues: { customerNumber: '', name: '', email: '', message: '' },
    validate: { customerNumber: required, name: required, email: required },
  });

  const send = form.submit(({ customerNumber, name, email, message }) =>
    request.mutateAsync({
      body: {
        customerNumber: customerNumber.trim(),
        name: name.trim(),
        email: email.trim(),
        ...(message.trim() ? { message: message.trim() } : {}),
      },
    }),
  );

  return (
    <Paper maw={520} mx="auto" p="lg" withBorder>
      <PageTitle>{t('credentialsRequest.title')}</PageTitle>
      {request.isSuccess ? (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('credentialsRequest.sent')}
        </Alert>
      ) : (
        <>
          <Text mb="md">{t('credentialsRequest.intro')}</Text>
          <FormErrorAlert alert={form.alert} />
          <form ref={form.formRef} onSubmit={send} noValidate>
            <Stack>
              <TextInput
                label={t('credentialsRequest.customerNumber')}
                description={t('credentialsRequest.customerNumberHint')}
                name="customerNumber"
                inputMode="numeric"
                {...form.getInputProps('customerNumber')}
                key={form.key('customerNumber')}
                required
              />
              <TextInput
                label={t('credentialsRequest.name')}
                name="name"
                autoComplete="name"
                {...form.getInputProps('name')}
                key={form.key('name')}
                required
              />
              <TextInput
                label={t('credentialsRequest.email')}
                type="email"
                name="email"
                autoComplete="email"
                {...form.getInputProps('email')}
                key={form.key('email')}
                required
              />
              <Textarea
                label={t('credentialsRequest.message')}
                name="message"
                autosize
                minRows={3}
                maxLength={2000}
                {...form.getInputProps('message')}
                key={form.key('message')}
              />
              <Button type="submit" loading={form.submitting}>
                {t('credentialsRequest.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} to="/sign-in" size="sm" mt="md" display="inline-block">
        {t('links.backToSignIn')}
      </Anchor>
    </Paper>
  );
}
