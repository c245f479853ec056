// P1, P5: an account's payment terms (days until its invoices are due, from the next invoice on) and whether
// its payment reminders are paused, set by an operator.
import { Button, Card, Fieldset, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ApiResult, api } from '../../api/client.ts';
import { useOperatorRole } from '../../app/operator-roles.ts';
import { ErrorAlert, FormErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useKontorForm } from '../../ui/forms.ts';
import { Loading } from '../../ui/Loading.tsx';
import { notifyDone } from '../../ui/notify.tsx';

type Terms = ApiResult<'/api/v1/operator/accounts/{accountId}/payment-terms'>;
const path = '/api/v1/operator/accounts/{accountId}/payment-terms';

export function AccountPaymentTermsCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const terms = api.useQuery('get', path, { params: { path: { accountId } } });
  return (
    <Card withBorder component="section" aria-labelledby="account-payment-terms-title">
      <Title order={2} size="h4" id="account-payment-terms-title" mb="xs">
        {t('paymentReminders.termsTitle')}
      </Title>
      <ErrorAlert message={terms.error?.message} />
      {terms.isPending && <Loading />}
      {terms.data && <TermsForm accountId={accountId} terms={terms.data} />}
    </Card>
  );
}

function TermsForm({ accountId, terms }: { accountId: string; terms: Terms }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = api.useMutation('put', path);
  const mayChange = useOperatorRole()('billing');
  const form = useKontorForm<{ paymentTermDays: number | string; remindersPaused: boolean }>({
    initialValues: terms,
  });
  const submit = form.submit(async (values) => {
    const saved = await save.mutateAsync({
      params: { path: { accountId } },
      body: { paymentTermDays: Number(values.paymentTermDays), remindersPaused: values.remindersPaused },
    });
    form.setInitialValues(saved);
    form.setValues(saved);
    void queryClient.invalidateQueries({ queryKey: ['get', path] });
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/operator/audit'] });
    notifyDone(t('paymentReminders.termsSaved'));
  });
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormErrorAlert alert={form.alert} />
      <Fieldset variant="unstyled" disabled={!mayChange}>
        <Stack maw={480} gap="sm">
          <NumberInput
            {...form.getInputProps('paymentTermDays')}
            key={form.key('paymentTermDays')}
            name="paymentTermDays"
            label={t('paymentReminders.paymentTermDays')}
            description={t('paymentReminders.paymentTermDaysHint')}
            min={0}
            max={120}
            allowDecimal={false}
          />
          <Switch
            {...form.getInputProps('remindersPaused', { type: 'checkbox' })}
            key={form.key('remindersPaused')}
            name="remindersPaused"
            label={t('paymentReminders.pause')}
            description={t('paymentReminders.pauseHint')}
          />
          {terms.remindersPaused && (
            <Text size="sm" c="orange.9" role="status">
              {t('paymentReminders.pausedNotice')}
            </Text>
          )}
          {mayChange && (
            <Button type="submit" loading={form.submitting} w="fit-content">
              {t('paymentReminders.saveTerms')}
            </Button>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}
