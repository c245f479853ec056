// P4: a service provider behind one interface. The gateway charges only for an answer the adapter returns;
// anything it throws is a failed call (not charged), named by a ProviderError's kind.
import type { Locale } from '../../../config.ts';

export interface ServiceRequest {
  serviceCode: string;
  /** The provider's endpoint, for the http adapter. */
  providerUrl: string | null;
  /** The JSON body the program sent: the service's parameters. */
  parameters: Record<string, unknown>;
  /** Stable for one account's key and opaque: lets a provider recognise Kontor's retry of a failed call. */
  idempotencyKey: string;
  /** The caller's language, for texts the adapter adds itself (the demo notice). */
  locale: Locale;
}

/** The provider's answer: always a JSON object. */
export type ServiceAnswer = Record<string, unknown>;

export interface ServiceAdapter {
  call(request: ServiceRequest, options: { signal: AbortSignal }): Promise<ServiceAnswer>;
}

/** timeout: no answer in time; failed: unreachable or not 2xx; bad_answer: not a JSON object. */
export type ProviderFailure = 'timeout' | 'failed' | 'bad_answer';

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderFailure,
    /** For the log only: never the parameters or the provider's URL (it may carry a key). */
    readonly detail: string,
  ) {
    super(`provider ${kind}: ${detail}`);
    this.name = 'ProviderError';
  }
}

export const isServiceAnswer = (value: unknown): value is ServiceAnswer =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
