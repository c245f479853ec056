// P6: paying the open amount by card on the payment provider's checkout page; the provider sends the member
// back here with ?payment=done or ?payment=cancelled, and the webhook books the payment meanwhile.
import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCan } from '../../app/permissions.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

export function PayOnlineButton({ accountId, invoiceId }: { accountId: string; invoiceId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const methods = api.useQuery('get', '/api/v1/payment-methods');
  const start = api.useMutation('post', '/api/v1/accounts/{accountId}/invoices/{invoiceId}/online-payment');
  // The same query as the transfer card's: a direct debit announced for the invoice leaves nothing to pay.
  const transfer = api.useQuery('get', '/api/v1/accounts/{accountId}/invoices/{invoiceId}/bank-transfer', {
    params: { path: { accountId, invoiceId } },
  });
  if (!methods.data?.card || !can('invoices.pay') || transfer.data?.directDebit) return null;
  const pay = async () => {
    const { url } = await start.mutateAsync({ params: { path: { accountId, invoiceId } } });
    window.location.assign(url);
  };
  return (
    <>
      <ErrorAlert message={start.error?.message} />
      <Button onClick={pay} loading={start.isPending || start.isSuccess} w="fit-content">
        {t('payments.payByCard')}
      </Button>
    </>
  );
}

/** What the provider's return says, until the member leaves the page. */
export function PaymentReturnNotice() {
  const { t } = useTranslation();
  const outcome = new URLSearchParams(window.location.search).get('payment');
  if (outcome !== 'done' && outcome !== 'cancelled') return null;
  return (
    <Alert role="status" color={outcome === 'done' ? 'green' : 'yellow'} variant="light">
      {t(outcome === 'done' ? 'payments.paymentDone' : 'payments.paymentCancelled')}
    </Alert>
  );
}
