// C2: an e-mail about an account is raised as an event with a category. It reaches the account's primary
// address (its owner's) and every member and contact who chose the category, each address once, each in
// its own language, and says why it came and where that is changed; contacts get a one-click unsubscribe.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Clock, minutes } from '../../shared/clock.ts';
import { translator } from '../../shared/i18n.ts';
import { formatName, type PersonName } from '../../shared/names.ts';
import {
  type NotificationCategory,
  notificationCategories,
  parseCategories,
  storeCategories,
} from '../../shared/notification-categories.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { MailService } from '../mail/index.ts';
import type { EmailTemplateName, EmailTemplates } from '../mail/mail.templates.ts';
import { contactErrors } from './contacts.errors.ts';
import { createNotificationsRepository } from './notifications.repository.ts';

export const testSpacing = minutes(10);

type Kind = 'primary' | 'member' | 'contact';

interface Recipient {
  kind: Kind;
  email: string;
  locale: Locale;
  greet: PersonName | { name: string };
  /** Contacts only: the id and key their unsubscribe link is signed with. */
  contact?: { id: string; key: string };
}

export interface NotificationEvent<Name extends EmailTemplateName> {
  accountId: string;
  category: NotificationCategory;
  template: Name;
  /** Per recipient language, for parameters that are words (a category's name, a list of permissions). */
  params: (locale: Locale) => EmailTemplates[Name];
  /**
   * A person the e-mail is about (a support request's requester): receives it as a personal e-mail, without
   * a subscription notice, unless the category already reached the address.
   */
  alsoTo?: { email: string; locale: Locale; greet: PersonName | { name: string } };
  /** Where replies go (the support address, when Kontor receives mail). */
  replyTo?: string;
}

/** HMAC of contact and category under the contact's own key: a link unsubscribes only what it names. */
export const unsubscribeSignature = (key: string, contactId: string, category: string) =>
  createHmac('sha256', key).update(`${contactId}:${category}`).digest('base64url');

export function signatureMatches(key: string, contactId: string, category: string, signature: string) {
  const expected = Buffer.from(unsubscribeSignature(key, contactId, category));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function createNotifications({
  db,
  clock,
  config,
  mail,
  audit,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  mail: MailService;
  audit: AuditService;
}) {
  const repository = createNotificationsRepository();
  const localeOf = (value: string | null | undefined, fallback: string): Locale =>
    (value ?? fallback) as Locale;

  /** Everyone who may receive the account's notifications, read once for any number of categories. */
  async function audienceOf(executor: Db, accountId: string) {
    return {
      account: await repository.account(executor, accountId),
      members: await repository.members(executor, accountId),
      contacts: await repository.contacts(executor, accountId),
    };
  }

  /** Who of the audience receives the category, the primary address first, each address once. */
  function recipientsOf(
    { account, members, contacts }: Awaited<ReturnType<typeof audienceOf>>,
    category: NotificationCategory,
  ): Recipient[] {
    const owner = members.filter((member) => member.role === 'owner');
    const subscribed = members.filter(
      (member) =>
        member.role !== 'owner' && parseCategories(member.notificationCategories).includes(category),
    );
    const candidates: Recipient[] = [
      ...owner.map((member) => ({ kind: 'primary' as const, member })),
      ...subscribed.map((member) => ({ kind: 'member' as const, member })),
    ].map(({ kind, member }) => ({
      kind,
      email: member.email as string,
      locale: localeOf(member.locale, account.locale),
      greet: member,
    }));
    for (const contact of contacts) {
      if (!parseCategories(contact.categories).includes(category)) continue;
      candidates.push({
        kind: 'contact',
        email: contact.email,
        locale: localeOf(contact.locale, account.locale),
        greet: { name: contact.name },
        contact: { id: contact.id, key: contact.unsubscribeKey },
      });
    }
    const seen = new Set<string>();
    return candidates.filter((recipient) => {
      const address = recipient.email.toLowerCase();
      if (seen.has(address)) return false;
      seen.add(address);
      return true;
    });
  }

  const url = (path: string) => new URL(path, config.publicUrl).href;

  function unsubscribePath(contact: { id: string; key: string }, category: NotificationCategory) {
    return `${contact.id}/${category}/${unsubscribeSignature(contact.key, contact.id, category)}`;
  }

  function subscriptionOf(
    recipient: Recipient,
    category: NotificationCategory,
    account: { name: string; customerNumber: string },
  ) {
    const t = translator(recipient.locale);
    const words = {
      email: recipient.email,
      companyName: account.name,
      customerNumber: account.customerNumber,
      category: t(`email.categories.${category}`),
    };
    const reason = t(`email.subscription.${recipient.kind}`, words);
    const linkLabel = t(`email.subscription.${recipient.kind}Link`);
    if (recipient.contact) {
      const path = unsubscribePath(recipient.contact, category);
      return {
        subscription: { reason, linkLabel, url: url(`/unsubscribe/${path}`) },
        listUnsubscribe: url(`/api/v1/unsubscribe/${path}`),
      };
    }
    const page = recipient.kind === 'primary' ? '/account/notifications' : '/account/my-notifications';
    return { subscription: { reason, linkLabel, url: url(page) } };
  }

  /** Enqueues the event's e-mails; returns their Message-IDs, one per address reached. */
  async function raise<Name extends EmailTemplateName>(executor: Db, event: NotificationEvent<Name>) {
    const audience = await audienceOf(executor, event.accountId);
    const recipients = recipientsOf(audience, event.category);
    const messageIds: string[] = [];
    const send = async (recipient: Omit<Recipient, 'kind'>, extra: object) => {
      const written = await mail.enqueueEmail(executor, {
        to: recipient.email,
        greet: recipient.greet,
        locale: recipient.locale,
        template: event.template,
        params: event.params(recipient.locale),
        ...(event.replyTo && { replyTo: event.replyTo }),
        ...extra,
      });
      messageIds.push(written.messageId);
    };
    for (const recipient of recipients) {
      await send(recipient, {
        autoSubmitted: 'auto-generated',
        ...subscriptionOf(recipient, event.category, audience.account),
      });
    }
    const personal = event.alsoTo;
    const reached = (address: string) =>
      recipients.some((recipient) => recipient.email.toLowerCase() === address.toLowerCase());
    if (personal && !reached(personal.email)) await send(personal, {});
    return messageIds;
  }

  return {
    raise,

    /** The routing page: per category, exactly who receives its e-mails. */
    async routing(accountId: string) {
      const audience = await audienceOf(db, accountId);
      const categories = notificationCategories.map((category) => ({
        category,
        recipients: recipientsOf(audience, category).map((recipient) => ({
          kind: recipient.kind,
          name:
            'name' in recipient.greet ? recipient.greet.name : formatName(recipient.greet, recipient.locale),
          email: recipient.email,
          locale: recipient.locale,
        })),
      }));
      return { categories };
    },

    async myCategories(accountId: string, userId: string) {
      const membership = await repository.membership(db, accountId, userId);
      if (!membership) throw new AppError('NOT_FOUND');
      return {
        categories: parseCategories(membership.notificationCategories),
        primary: membership.role === 'owner',
      };
    },

    setMyCategories: (accountId: string, userId: string, categories: readonly NotificationCategory[]) =>
      repository.setMemberCategories(db, accountId, userId, storeCategories(categories)),

    /** A test e-mail of one category to all its recipients, at most one per category in 10 minutes. */
    sendTest: (
      context: { accountId: string; actor: AuditActor & { id: string } },
      category: NotificationCategory,
    ) =>
      db.transaction().execute(async (executor) => {
        const last = await repository.lastTest(executor, context.accountId, category);
        const waitMs = last ? Date.parse(last.createdAt) + testSpacing - clock.now().getTime() : 0;
        if (waitMs > 0) {
          throw new AppError(contactErrors.TEST_NOTIFICATION_SPACING, {
            params: { minutes: testSpacing / minutes(1) },
            retryAfterSeconds: Math.ceil(waitMs / 1000),
          });
        }
        await audit.record(executor, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'notification.test_sent',
          details: { category },
        });
        const account = await repository.account(executor, context.accountId);
        const sender = await repository.personName(executor, context.actor.id);
        const sent = await raise(executor, {
          accountId: context.accountId,
          category,
          template: 'notificationTest',
          params: (locale) => ({
            actorName: formatName(sender, locale),
            companyName: account.name,
            customerNumber: account.customerNumber,
            category: translator(locale)(`email.categories.${category}`),
          }),
        });
        return { recipients: sent.length };
      }),
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
