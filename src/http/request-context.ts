// Per-request facts every layer may need: the caller's language and translator.
import type { Locale } from '../config.ts';
import type { Translate } from '../shared/i18n.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
  }
}
