import type { Db } from '../../db/kysely.ts';
import type {
  SupportAttachmentsTable,
  SupportMessage,
  SupportOutgoingMailTable,
  SupportRequest,
  SupportRequestsTable,
  SupportState,
} from '../../db/schema.ts';

export interface InboxFilter {
  state?: SupportState;
  accountId?: string;
  customerNumber?: string;
  /** Last activity before this instant */
  before?: string;
  limit: number;
  offset: number;
}

const accountColumns = [
  'accounts.id as accountId',
  'accounts.name as accountName',
  'accounts.customerNumber as accountCustomerNumber',
  'accounts.status as accountStatus',
] as const;

export function createSupportRepository() {
  return {
    nextNumber: async (executor: Db) => {
      const row = await executor
        .selectFrom('supportRequests')
        .select((eb) => eb.fn.max('number').as('last'))
        .executeTakeFirst();
      return Number(row?.last ?? 0) + 1;
    },

    insertRequest: (executor: Db, request: SupportRequest) =>
      executor.insertInto('supportRequests').values(request).execute(),

    updateRequest: (
      executor: Db,
      id: string,
      changes: Partial<Pick<SupportRequestsTable, 'state' | 'updatedAt' | 'lastActivityAt'>>,
    ) => executor.updateTable('supportRequests').set(changes).where('id', '=', id).execute(),

    insertMessage: (executor: Db, message: SupportMessage) =>
      executor.insertInto('supportMessages').values(message).execute(),

    insertOutgoing: (executor: Db, row: SupportOutgoingMailTable) =>
      executor.insertInto('supportOutgoingMail').values(row).execute(),

    insertAttachment: (executor: Db, attachment: SupportAttachmentsTable) =>
      executor.insertInto('supportAttachments').values(attachment).execute(),

    listInAccount: (executor: Db, accountId: string) =>
      executor
        .selectFrom('supportRequests')
        .selectAll()
        .where('accountId', '=', accountId)
        .orderBy('lastActivityAt', 'desc')
        .orderBy('number', 'desc')
        .limit(500)
        .execute(),

    /** A request, in the given account when one is named (members), in any account otherwise (operators). */
    find: (executor: Db, id: string, accountId?: string) => {
      let query = executor.selectFrom('supportRequests').selectAll().where('id', '=', id);
      if (accountId !== undefined) query = query.where('accountId', '=', accountId);
      return query.executeTakeFirst();
    },

    messages: (executor: Db, requestId: string) =>
      executor
        .selectFrom('supportMessages')
        .selectAll()
        .where('requestId', '=', requestId)
        .orderBy('createdAt')
        .orderBy('id')
        .execute(),

    attachmentsOf: (executor: Db, requestId: string) =>
      executor
        .selectFrom('supportAttachments')
        .innerJoin('supportMessages', 'supportMessages.id', 'supportAttachments.messageId')
        .select([
          'supportAttachments.id',
          'supportAttachments.messageId',
          'supportAttachments.filename',
          'supportAttachments.contentType',
          'supportAttachments.size',
        ])
        .where('supportMessages.requestId', '=', requestId)
        .orderBy('supportAttachments.messageId')
        .orderBy('supportAttachments.position')
        .execute(),

    /** An attachment with its bytes, only through the request it belongs to. */
    attachment: (executor: Db, requestId: string, attachmentId: string) =>
      executor
        .selectFrom('supportAttachments')
        .innerJoin('supportMessages', 'supportMessages.id', 'supportAttachments.messageId')
        .select([
          'supportAttachments.filename',
          'supportAttachments.contentType',
          'supportAttachments.size',
          'supportAttachments.content',
        ])
        .where('supportMessages.requestId', '=', requestId)
        .where('supportAttachments.id', '=', attachmentId)
        .executeTakeFirst(),

    account: (executor: Db, accountId: string) =>
      executor
        .selectFrom('accounts')
        .select([...accountColumns, 'accounts.locale as accountLocale'])
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow(),

    async inbox(executor: Db, filter: InboxFilter) {
      let query = executor
        .selectFrom('supportRequests')
        .innerJoin('accounts', 'accounts.id', 'supportRequests.accountId');
      if (filter.state) query = query.where('supportRequests.state', '=', filter.state);
      if (filter.accountId) query = query.where('supportRequests.accountId', '=', filter.accountId);
      if (filter.customerNumber) query = query.where('accounts.customerNumber', '=', filter.customerNumber);
      if (filter.before) query = query.where('supportRequests.lastActivityAt', '<', filter.before);
      const counted = await query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst();
      const items = await query
        .selectAll('supportRequests')
        .select(accountColumns)
        .orderBy('supportRequests.lastActivityAt', 'desc')
        .orderBy('supportRequests.number', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      return { items, total: Number(counted?.total ?? 0) };
    },

    /** Whether a user is still a member of the account, with role and chosen permissions. */
    membership: (executor: Db, accountId: string, userId: string) =>
      executor
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.userId')
        .select([
          'memberships.role',
          'memberships.permissions',
          'users.status',
          'users.email',
          'users.salutation',
          'users.title',
          'users.firstName',
          'users.lastName',
          'users.locale',
        ])
        .where('memberships.accountId', '=', accountId)
        .where('memberships.userId', '=', userId)
        .executeTakeFirst(),

    /** Whether an inbound e-mail with this Message-ID was filed already (an MTA's retry). */
    isFiled: async (executor: Db, messageId: string) =>
      (await executor
        .selectFrom('supportMessages')
        .select('id')
        .where('messageId', '=', messageId)
        .executeTakeFirst()) !== undefined,

    /** The request one of these Message-IDs belongs to: a Kontor e-mail about it, or a message filed in it. */
    async requestOfMessageIds(executor: Db, messageIds: string[]) {
      if (messageIds.length === 0) return undefined;
      const ours = await executor
        .selectFrom('supportOutgoingMail')
        .select('requestId')
        .where('messageId', 'in', messageIds)
        .executeTakeFirst();
      if (ours) return ours.requestId;
      const filed = await executor
        .selectFrom('supportMessages')
        .select('requestId')
        .where('messageId', 'in', messageIds)
        .executeTakeFirst();
      return filed?.requestId;
    },

    byNumber: (executor: Db, number: number) =>
      executor.selectFrom('supportRequests').selectAll().where('number', '=', number).executeTakeFirst(),

    /** Every member and contact with this address, in any account, with the account's customer number. */
    async peopleWithAddress(executor: Db, address: string) {
      const members = await executor
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.userId', 'users.id')
        .innerJoin('accounts', 'accounts.id', 'memberships.accountId')
        .select(['users.id', 'memberships.accountId', 'accounts.customerNumber'])
        .where('users.email', '=', address)
        .execute();
      const contacts = await executor
        .selectFrom('contacts')
        .innerJoin('accounts', 'accounts.id', 'contacts.accountId')
        .select(['contacts.id', 'contacts.accountId', 'accounts.customerNumber'])
        .where('contacts.email', '=', address)
        .execute();
      return [
        ...members.map((row) => ({ ...row, kind: 'member' as const })),
        ...contacts.map((row) => ({ ...row, kind: 'contact' as const })),
      ];
    },

    contact: (executor: Db, accountId: string, contactId: string) =>
      executor
        .selectFrom('contacts')
        .select(['id', 'name', 'email', 'locale', 'mayOpenRequests'])
        .where('accountId', '=', accountId)
        .where('id', '=', contactId)
        .executeTakeFirst(),
  };
}

export type SupportRepository = ReturnType<typeof createSupportRepository>;
