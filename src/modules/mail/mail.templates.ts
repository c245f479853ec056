// Every e-mail is rendered in its recipient's language from the shared catalogs (locales/*/server.json).
import type { Locale } from '../../config.ts';
import { translator } from '../../shared/i18n.ts';

export interface EmailTemplates {
  operatorWelcome: { name: string; email: string; signInUrl: string };
  registrationWelcome: {
    name: string;
    companyName: string;
    customerNumber: string;
    userNumber: string;
    confirmUrl: string;
    revealUrl: string;
  };
  registrationExistingAddress: { name: string; signInUrl: string; resetUrl: string };
  passwordReset: { name: string; resetUrl: string };
  passwordChanged: { name: string; resetUrl: string };
  accountProvisioned: {
    name: string;
    companyName: string;
    customerNumber: string;
    userNumber: string;
    setPasswordUrl: string;
  };
  emailChangeConfirm: { name: string; newEmail: string; confirmUrl: string };
  emailChangeNotice: { name: string; newEmail: string; resetUrl: string };
  userCredentials: UserCredentialsParams;
  userCredentialsForAdmin: UserCredentialsParams;
}

// A type, not an interface: template params must be plain records for i18next.
type UserCredentialsParams = {
  name: string;
  userName: string;
  companyName: string;
  customerNumber: string;
  userNumber: string;
  username: string;
  revealUrl: string;
};

export type EmailTemplateName = keyof EmailTemplates;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function renderEmail<Name extends EmailTemplateName>(
  locale: Locale,
  template: Name,
  params: EmailTemplates[Name],
): RenderedEmail {
  const t = translator(locale);
  const paragraphs = [
    t('email.greeting', { name: params.name }),
    ...t(`email.${template}.body`, params).split('\n\n'),
    t('email.signature'),
  ];
  return {
    // Header values never carry a line break, whatever a name contains.
    subject: t(`email.${template}.subject`, params).replace(/[\r\n]+/g, ' '),
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${locale}"><body>${paragraphs
      .map((paragraph) => `<p>${linkify(escapeHtml(paragraph)).replaceAll('\n', '<br>')}</p>`)
      .join('')}</body></html>`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? '',
  );
}

function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
