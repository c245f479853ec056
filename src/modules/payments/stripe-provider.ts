// P6: the payment-provider port on Stripe's Checkout Sessions (mode "payment", one line with the invoice's
// open amount), through Stripe's own library; its webhook signature is checked with the endpoint secret.
import Stripe from 'stripe';
import type { CardPaymentsConfig } from '../../config.ts';
import { type PaymentProvider, type ProviderEvent, WebhookSignatureInvalid } from './online-payment-port.ts';

export function createStripeProvider(config: CardPaymentsConfig): PaymentProvider {
  const base = config.apiBase;
  const stripe = new Stripe(config.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base && {
      host: base.hostname,
      port: base.port || (base.protocol === 'https:' ? 443 : 80),
      protocol: base.protocol === 'https:' ? 'https' : 'http',
    }),
  });

  return {
    name: 'stripe',

    async createCheckout(request) {
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency.toLowerCase(),
              unit_amount: request.amountCents,
              product_data: { name: request.number },
            },
          },
        ],
        client_reference_id: request.invoiceId,
        metadata: { invoiceId: request.invoiceId, invoiceNumber: request.number },
        ...(request.customerEmail && { customer_email: request.customerEmail }),
        locale: request.locale,
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      });
      if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
      return { sessionId: session.id, url: session.url };
    },

    verifyWebhook(rawBody, signature): ProviderEvent {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature ?? '', config.webhookSecret);
      } catch {
        throw new WebhookSignatureInvalid();
      }
      if (
        event.type === 'checkout.session.completed' ||
        event.type === 'checkout.session.async_payment_succeeded'
      ) {
        const session = event.data.object;
        if (session.payment_status === 'paid')
          return {
            kind: 'checkout_paid',
            id: event.id,
            sessionId: session.id,
            amountCents: session.amount_total ?? 0,
            currency: (session.currency ?? '').toUpperCase(),
          };
      }
      if (event.type === 'checkout.session.expired')
        return { kind: 'checkout_expired', id: event.id, sessionId: event.data.object.id };
      return { kind: 'other', id: event.id, type: event.type };
    },
  };
}
