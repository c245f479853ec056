// P6: what Kontor needs of a card (or other online) payment provider: a hosted checkout page for an amount,
// and its webhook, verified by signature before anything is believed. Stripe's adapter is
// stripe-provider.ts; another provider plugs in here.

export interface CheckoutRequest {
  invoiceId: string;
  number: string;
  amountCents: number;
  currency: string;
  customerEmail: string | null;
  locale: 'de' | 'en' | 'hu';
  successUrl: string;
  cancelUrl: string;
}

/** A verified webhook event, in Kontor's terms. */
export type ProviderEvent =
  | { kind: 'checkout_paid'; id: string; sessionId: string; amountCents: number; currency: string }
  | { kind: 'checkout_expired'; id: string; sessionId: string }
  | { kind: 'other'; id: string; type: string };

export interface PaymentProvider {
  name: string;
  createCheckout(request: CheckoutRequest): Promise<{ sessionId: string; url: string }>;
  /** Throws when the signature does not match the raw body under the endpoint's secret. */
  verifyWebhook(rawBody: Buffer, signature: string | undefined): ProviderEvent;
}

export class WebhookSignatureInvalid extends Error {}
