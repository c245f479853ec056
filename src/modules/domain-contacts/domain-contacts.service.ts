// C4: an account's domain contacts, the registrant data a domain registration needs. They never sign in,
// never receive e-mail from Kontor and cannot raise requests: nothing here reaches mail or support. Each
// field is checked on its own (country as ISO 3166-1 alpha-2, phone parsed to E.164 with the chosen
// country as the default region), every refusal names its fields, and nothing is written on a refusal.
import countries from 'i18n-iso-countries';
import type { CountryCode } from 'libphonenumber-js';
import type { Db } from '../../db/kysely.ts';
import type { DomainContact } from '../../db/schema.ts';
import { AppError, type ErrorDetail } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { formatPhone, parseE164 } from '../../shared/phone.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { domainContactErrors } from './domain-contacts.errors.ts';
import { createDomainContactsRepository, type DomainContactFields } from './domain-contacts.repository.ts';

export interface DomainContactInput {
  kind: 'person' | 'organisation';
  organisation?: string | null;
  firstName: string;
  lastName: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  email: string;
}

export interface DomainContactContext {
  accountId: string;
  actor: AuditActor;
}

const textFields = ['firstName', 'lastName', 'street', 'postalCode', 'city'] as const;

/** The stored fields, or every field's refusal at once. */
export function checkedDomainContact(input: DomainContactInput): DomainContactFields {
  const details: ErrorDetail[] = [];
  const refuse = (field: string, code: string) => details.push({ field, code });
  const trimmed = (value: string | null | undefined) => value?.trim().replace(/\s+/g, ' ') ?? '';

  const text = Object.fromEntries(textFields.map((field) => [field, trimmed(input[field])])) as Record<
    (typeof textFields)[number],
    string
  >;
  for (const field of textFields) if (!text[field]) refuse(field, domainContactErrors.DOMAIN_CONTACT_BLANK);

  const organisation = input.kind === 'organisation' ? trimmed(input.organisation) : '';
  if (input.kind === 'organisation' && !organisation) {
    refuse('organisation', domainContactErrors.DOMAIN_CONTACT_ORGANISATION_REQUIRED);
  }

  // Lower case is the same code written differently; the schema has already refused anything but 2 letters.
  const country = input.country.toUpperCase();
  const knownCountry = countries.isValid(country);
  if (!knownCountry) refuse('country', domainContactErrors.DOMAIN_CONTACT_COUNTRY_INVALID);

  const phone = parseE164(input.phone, knownCountry ? (country as CountryCode) : undefined);
  if (!phone) refuse('phone', domainContactErrors.DOMAIN_CONTACT_PHONE_INVALID);

  if (details.length > 0 || !phone) throw new AppError('VALIDATION_FAILED', { details });
  return {
    kind: input.kind,
    organisation: organisation || null,
    ...text,
    country,
    phone,
    email: input.email.trim(),
  };
}

/** How the audit log names a domain contact: the organisation, or the person. */
const auditName = (contact: DomainContactFields) =>
  contact.organisation
    ? { name: contact.organisation }
    : { firstName: contact.firstName, lastName: contact.lastName };

export function createDomainContactsService({
  db,
  clock,
  audit,
  isRegistrant = async () => false,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  /** D2: whether a domain names the contact as its registrant (then it stays). */
  isRegistrant?: (executor: Db, contactId: string) => Promise<boolean>;
}) {
  const repository = createDomainContactsRepository();
  const now = () => clock.now().toISOString();

  const view = (contact: DomainContact) => ({
    id: contact.id,
    kind: contact.kind,
    organisation: contact.organisation,
    firstName: contact.firstName,
    lastName: contact.lastName,
    street: contact.street,
    postalCode: contact.postalCode,
    city: contact.city,
    country: contact.country,
    phone: contact.phone,
    phoneFormatted: formatPhone(contact.phone) ?? contact.phone,
    email: contact.email,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  });

  async function findOwn(executor: Db, accountId: string, id: string) {
    const contact = await repository.findInAccount(executor, accountId, id);
    if (!contact) throw new AppError('NOT_FOUND');
    return contact;
  }

  const target = (id: string, fields: DomainContactFields) => ({
    type: 'domain_contact',
    id,
    name: auditName(fields),
  });

  return {
    async list(accountId: string) {
      return { items: (await repository.listForAccount(db, accountId)).map(view) };
    },

    async get(accountId: string, id: string) {
      return view(await findOwn(db, accountId, id));
    },

    async create(context: DomainContactContext, input: DomainContactInput) {
      const fields = checkedDomainContact(input);
      const at = now();
      const contact: DomainContact = {
        id: newId(),
        accountId: context.accountId,
        ...fields,
        createdAt: at,
        updatedAt: at,
      };
      await db.transaction().execute(async (transaction) => {
        await repository.insert(transaction, contact);
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'domain_contact.added',
          target: target(contact.id, fields),
          details: { kind: fields.kind, country: fields.country },
        });
      });
      return view(contact);
    },

    async update(context: DomainContactContext, id: string, input: DomainContactInput) {
      const fields = checkedDomainContact(input);
      return db.transaction().execute(async (transaction) => {
        const before = await findOwn(transaction, context.accountId, id);
        const changed = (Object.keys(fields) as (keyof DomainContactFields)[]).filter(
          (field) => fields[field] !== before[field],
        );
        if (changed.length === 0) return view(before);
        const at = now();
        await repository.update(transaction, context.accountId, id, fields, at);
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'domain_contact.changed',
          target: target(id, fields),
          details: { fields: changed },
        });
        return view({ ...before, ...fields, updatedAt: at });
      });
    },

    async remove(context: DomainContactContext, id: string) {
      await db.transaction().execute(async (transaction) => {
        const contact = await findOwn(transaction, context.accountId, id);
        if (await isRegistrant(transaction, id))
          throw new AppError(domainContactErrors.DOMAIN_CONTACT_IN_USE);
        await repository.remove(transaction, context.accountId, id);
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'domain_contact.removed',
          target: target(id, contact),
        });
      });
    },
  };
}

export type DomainContactsService = ReturnType<typeof createDomainContactsService>;
