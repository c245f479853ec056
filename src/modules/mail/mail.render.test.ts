// Issue 6.7 "e-mails that read like a provider's, not a prototype's": greetings per language and person,
// the provider's identity as signature and footer, a button for each link, the text part from the same source.
import { describe, expect, it } from 'vitest';
import type { ProviderIdentity } from '../provider/index.ts';
import { greeting, renderEmail } from './mail.render.ts';

const berger = { salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger' };
const kovacs = { salutation: 'mr', title: null, firstName: 'Péter', lastName: 'Kovács' };

const provider: ProviderIdentity = {
  name: 'Muster Hosting GmbH',
  configured: true,
  address: 'Hafenstraße 1\n20457 Hamburg',
  supportEmail: 'support@muster.example',
  supportPhone: '+49 40 1234567',
  website: 'https://muster.example',
  legalNotice: 'Sitz Hamburg · Amtsgericht Hamburg HRB 12345 · Geschäftsführerin: Eva Muster',
  logoUrl: null,
};

describe('salutations follow the language and the person', () => {
  it.each([
    ['de', berger, 'Sehr geehrte Frau Dr. Berger,'],
    ['de', { ...kovacs, title: 'Prof.' }, 'Sehr geehrter Herr Prof. Kovács,'],
    ['de', { ...berger, salutation: null, title: null }, 'Guten Tag Anna Berger,'],
    ['de', { ...berger, salutation: 'mx', title: null }, 'Guten Tag Anna Berger,'],
    ['en', { ...berger, title: null }, 'Dear Ms Berger,'],
    ['en', kovacs, 'Dear Mr Kovács,'],
    ['en', berger, 'Dear Dr. Berger,'],
    ['en', { ...berger, salutation: null }, 'Dear Dr. Anna Berger,'],
    ['hu', kovacs, 'Tisztelt Kovács Péter!'],
    ['hu', { ...berger, salutation: null }, 'Tisztelt Dr. Berger Anna!'],
  ] as const)('%s: %j → %s', (locale, person, expected) => {
    expect(greeting(person, locale)).toBe(expected);
  });

  it('greets operators, who have only a name, by it', () => {
    expect(greeting({ name: 'Olga Operator' }, 'de')).toBe('Guten Tag Olga Operator,');
  });
});

describe('rendering', () => {
  const welcome = (locale: 'de' | 'en' | 'hu', to: object = berger) =>
    renderEmail({
      locale,
      template: 'registrationWelcome',
      to: to as typeof berger,
      provider,
      params: {
        companyName: 'Kanzlei <Berger>',
        customerNumber: '4839201-5',
        userNumber: '1234567',
        confirmUrl: 'https://portal.example/confirm-email#token=abc',
        revealUrl: 'https://portal.example/reveal#token=def',
      },
    });

  it('signs and foots every e-mail with the provider, never as "Kontor-Team"', async () => {
    const email = await welcome('de');
    expect(email.text).toContain('Mit freundlichen Grüßen\nMuster Hosting GmbH');
    expect(email.text).toContain('Hafenstraße 1\n20457 Hamburg');
    expect(email.text).toContain('E-Mail: support@muster.example · Telefon: +49 40 1234567');
    expect(email.text).toContain('Amtsgericht Hamburg HRB 12345');
    expect(`${email.text}${email.html}`).not.toMatch(/Kontor-Team|Kontor team|Kontor csapata/);
    expect(email.html).toContain('Amtsgericht Hamburg HRB 12345');
  });

  it('makes a button of each link in a responsive HTML part, and escapes names', async () => {
    const { html } = await welcome('en');
    expect(html).toMatch(/<html[^>]*lang="en"/);
    expect(html).toContain('max-width:600px');
    for (const [label, url] of [
      ['Confirm e-mail address', 'https://portal.example/confirm-email#token=abc'],
      ['Show access key', 'https://portal.example/reveal#token=def'],
    ]) {
      expect(html).toMatch(new RegExp(`<a href="${url}"[^>]*>[\\s\\S]*?${label}`));
    }
    expect(html).toContain('Kanzlei &lt;Berger&gt;');
    expect(html).not.toContain('<Berger>');
  });

  it('writes the text part from the same blocks: greeting, facts, each link under its label', async () => {
    const { text } = await welcome('de');
    expect(
      text.startsWith(
        'Sehr geehrte Frau Dr. Berger,\n\nvielen Dank für die Registrierung von Kanzlei <Berger>.',
      ),
    ).toBe(true);
    expect(text).toContain('Kundennummer: 4839201-5\nBenutzernummer: 1234567\n');
    expect(text).toContain('E-Mail-Adresse bestätigen:\nhttps://portal.example/confirm-email#token=abc');
  });

  it('starts the Hungarian and English bodies with a capital after the greeting', async () => {
    expect((await welcome('hu', kovacs)).text).toMatch(/^Tisztelt Kovács Péter!\n\nKöszönjük/);
    expect((await welcome('en')).text).toMatch(/^Dear Dr\. Berger,\n\nThank you/);
  });

  it('says what it lists: four items, not "these three"', async () => {
    const email = await renderEmail({
      locale: 'de',
      template: 'userCredentials',
      to: berger,
      provider,
      params: {
        companyName: 'Kanzlei Berger',
        customerNumber: '4839201-5',
        userNumber: '1234567',
        username: 'aberger',
        revealUrl: 'https://portal.example/reveal#token=x',
      },
    });
    expect(email.text).not.toContain('diese drei Angaben');
    expect(email.text).toContain('Kundennummer, Benutzernummer, Benutzername und Zugangsschlüssel');
  });
});
