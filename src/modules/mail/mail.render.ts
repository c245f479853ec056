// An e-mail in its recipient's language: greeted as the language and the person call for, signed and
// footed with the provider's identity, the same blocks rendered as HTML and as text.
import type { Locale } from '../../config.ts';
import { type Translate, translator } from '../../shared/i18n.ts';
import { formalGreeting, formalName, formatName, type PersonName } from '../../shared/names.ts';
import type { ProviderIdentity } from '../provider/index.ts';
import { type EmailContent, renderHtml, renderText, type Subscription } from './mail.layout.tsx';
import { type EmailTemplateName, type EmailTemplates, templates } from './mail.templates.ts';

/** Whom the greeting names: a person (customers' users), or just a name (operators). */
export type Addressee = PersonName | { name: string };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** "Sehr geehrte Frau Dr. Berger,", "Guten Tag Anna Berger,", "Dear Ms Berger,", "Tisztelt Kovács Péter!" */
export function greeting(addressee: Addressee, locale: Locale, t: Translate = translator(locale)): string {
  if ('name' in addressee) return t('email.greeting.named', { name: addressee.name });
  switch (formalGreeting(locale, addressee)) {
    case 'salutation':
      return t(`email.greeting.${addressee.salutation}`, { name: formalName(addressee) });
    case 'title':
      return t('email.greeting.named', { name: formalName(addressee) });
    case 'fullName':
      return t('email.greeting.named', { name: formatName(addressee, locale) });
  }
}

function footer(provider: ProviderIdentity, t: Translate): string[] {
  const contact = [
    provider.supportEmail && `${t('email.footer.email')}: ${provider.supportEmail}`,
    provider.supportPhone && `${t('email.footer.phone')}: ${provider.supportPhone}`,
  ].filter(Boolean);
  return [
    provider.name,
    ...(provider.address?.split('\n') ?? []),
    contact.join(' · '),
    provider.website ?? '',
    ...(provider.legalNotice?.split('\n') ?? []),
  ].filter((line) => line.trim() !== '');
}

export async function renderEmail<Name extends EmailTemplateName>(options: {
  locale: Locale;
  template: Name;
  params: EmailTemplates[Name];
  to: Addressee;
  provider: ProviderIdentity;
  subscription?: Subscription;
}): Promise<RenderedEmail> {
  const { locale, template, params, provider } = options;
  const t = translator(locale);
  const blocks = templates[template](params, {
    say: (key) => t(`email.${template}.${key}`, params),
    label: (key) => t(`email.labels.${key}`),
  });
  const content: EmailContent = {
    locale,
    greeting: greeting(options.to, locale, t),
    blocks,
    closing: t('email.closing'),
    senderName: provider.name,
    logoUrl: provider.logoUrl,
    footer: footer(provider, t),
    buttonFallback: t('email.buttonFallback'),
    subscription: options.subscription,
  };
  return {
    // Header values never carry a line break, whatever a name contains.
    subject: t(`email.${template}.subject`, params).replace(/[\r\n]+/g, ' '),
    text: renderText(content),
    html: await renderHtml(content),
  };
}
