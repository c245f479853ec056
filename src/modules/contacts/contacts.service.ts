// C1, M4: an account's contacts: people who never sign in but receive e-mail by category (an accountant
// for invoices, a system administrator for access data and support) and may raise support requests.
// Admins and members with "manage contacts" keep them; every change is audited, a removal too.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/kysely.ts';
import type { Contact } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import {
  type NotificationCategory,
  parseCategories,
  storeCategories,
} from '../../shared/notification-categories.ts';
import { defaultCountry, formatPhone, toE164 } from '../../shared/phone.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { normalizeEmail } from '../users/index.ts';
import { contactErrors } from './contacts.errors.ts';
import { createContactsRepository } from './contacts.repository.ts';
import { signatureMatches } from './notifications.ts';

export interface ContactInput {
  name: string;
  email: string;
  phone?: string | null;
  locale: 'de' | 'en' | 'hu';
  categories: NotificationCategory[];
  mayOpenRequests?: boolean;
}

export interface ContactsContext {
  accountId: string;
  actor: AuditActor;
}

export interface UnsubscribeLink {
  contactId: string;
  category: NotificationCategory;
  signature: string;
}

export function view(contact: Contact) {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    phoneFormatted: formatPhone(contact.phone),
    locale: contact.locale as ContactInput['locale'],
    categories: parseCategories(contact.categories),
    mayOpenRequests: contact.mayOpenRequests === 1,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  };
}

export function createContactsService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const repository = createContactsRepository();
  const now = () => clock.now().toISOString();

  async function fieldsOf(executor: Db, accountId: string, input: ContactInput) {
    const account = await repository.country(executor, accountId);
    return {
      name: input.name.trim(),
      email: normalizeEmail(input.email),
      phone: toE164(input.phone, 'phone', defaultCountry(account.billingCountry, account.locale)),
      locale: input.locale,
      categories: storeCategories(input.categories),
      mayOpenRequests: input.mayOpenRequests ? 1 : 0,
    };
  }

  /** The unique index decides, also under concurrent adds of the same address. */
  async function uniquely<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(contactErrors.CONTACT_EXISTS, {
          details: [{ field: 'email', code: contactErrors.CONTACT_EXISTS }],
        });
      }
      throw error;
    }
  }

  async function existing(executor: Db, accountId: string, id: string) {
    const contact = await repository.find(executor, accountId, id);
    if (!contact) throw new AppError('NOT_FOUND');
    return contact;
  }

  async function linked(executor: Db, link: UnsubscribeLink) {
    const contact = await repository.findById(executor, link.contactId);
    if (!contact || !signatureMatches(contact.unsubscribeKey, contact.id, link.category, link.signature)) {
      throw new AppError('NOT_FOUND');
    }
    return contact;
  }

  return {
    list: async (accountId: string) => ({
      items: (await repository.listInAccount(db, accountId)).map(view),
    }),

    get: async (accountId: string, id: string) => view(await existing(db, accountId, id)),

    add: (context: ContactsContext, input: ContactInput) =>
      uniquely(() =>
        db.transaction().execute(async (transaction) => {
          const at = now();
          const contact: Contact = {
            id: newId(),
            accountId: context.accountId,
            ...(await fieldsOf(transaction, context.accountId, input)),
            unsubscribeKey: randomBytes(32).toString('base64url'),
            createdAt: at,
            updatedAt: at,
          };
          await repository.insert(transaction, contact);
          await audit.record(transaction, {
            actor: context.actor,
            accountId: context.accountId,
            action: 'contact.added',
            target: { type: 'contact', id: contact.id, name: { name: contact.name } },
            details: { email: contact.email, categories: parseCategories(contact.categories) },
          });
          return view(contact);
        }),
      ),

    change: (context: ContactsContext, id: string, input: ContactInput) =>
      uniquely(() =>
        db.transaction().execute(async (transaction) => {
          await existing(transaction, context.accountId, id);
          const fields = await fieldsOf(transaction, context.accountId, input);
          await repository.update(transaction, context.accountId, id, { ...fields, updatedAt: now() });
          await audit.record(transaction, {
            actor: context.actor,
            accountId: context.accountId,
            action: 'contact.changed',
            target: { type: 'contact', id, name: { name: fields.name } },
            details: { email: fields.email, categories: parseCategories(fields.categories) },
          });
          return view(await existing(transaction, context.accountId, id));
        }),
      ),

    remove: (context: ContactsContext, id: string) =>
      db.transaction().execute(async (transaction) => {
        const contact = await existing(transaction, context.accountId, id);
        await repository.remove(transaction, context.accountId, id);
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'contact.removed',
          target: { type: 'contact', id, name: { name: contact.name } },
          details: { email: contact.email },
        });
      }),

    /** What an unsubscribe link would change; a wrong or stale signature is simply not found. */
    async previewUnsubscribe(link: UnsubscribeLink) {
      const contact = await linked(db, link);
      return {
        email: contact.email,
        companyName: contact.companyName,
        category: link.category,
        subscribed: parseCategories(contact.categories).includes(link.category),
      };
    },

    /** RFC 8058 one-click: idempotent, audited in the contact's account. */
    unsubscribe: (link: UnsubscribeLink, actor: AuditActor) =>
      db.transaction().execute(async (transaction) => {
        const contact = await linked(transaction, link);
        const categories = parseCategories(contact.categories);
        if (!categories.includes(link.category)) return;
        const remaining = categories.filter((category) => category !== link.category);
        await repository.update(transaction, contact.accountId, contact.id, {
          categories: storeCategories(remaining),
          updatedAt: now(),
        });
        await audit.record(transaction, {
          actor,
          accountId: contact.accountId,
          action: 'contact.unsubscribed',
          target: { type: 'contact', id: contact.id, name: { name: contact.name } },
          details: { category: link.category },
        });
      }),
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
