import type { Db } from '../../db/kysely.ts';
import type { CredentialRequest, CredentialRequestState } from '../../db/schema.ts';

export function createCredentialRequestsRepository() {
  /** The account's admins who hold program credentials: the owner and admins of its own, not disabled. */
  const adminsQuery = (executor: Db, accountId: string) =>
    executor
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .where('memberships.accountId', '=', accountId)
      .where('memberships.role', 'in', ['owner', 'admin'])
      .where('users.homeAccountId', '=', accountId)
      .where('users.status', '!=', 'disabled')
      .where('users.email', 'is not', null);

  return {
    accountByCustomerNumber: (executor: Db, customerNumber: string) =>
      executor
        .selectFrom('accounts')
        .select(['id', 'name', 'customerNumber', 'status', 'locale'])
        .where('customerNumber', '=', customerNumber)
        .executeTakeFirst(),

    hasOpenFrom: async (executor: Db, accountId: string, email: string) =>
      !!(await executor
        .selectFrom('credentialRequests')
        .select('id')
        .where('accountId', '=', accountId)
        .where('state', '=', 'open')
        .where('requesterEmail', '=', email)
        .executeTakeFirst()),

    messageIdFiled: async (executor: Db, messageId: string) =>
      !!(await executor
        .selectFrom('credentialRequests')
        .select('id')
        .where('messageId', '=', messageId)
        .executeTakeFirst()),

    /** A member of the account (any permission, not disabled) or one of its contacts has this address. */
    async knowsAddress(executor: Db, accountId: string, email: string) {
      const member = await executor
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.userId')
        .select('users.id')
        .where('memberships.accountId', '=', accountId)
        .where('users.status', '!=', 'disabled')
        .where('users.email', '=', email)
        .executeTakeFirst();
      if (member) return true;
      const contact = await executor
        .selectFrom('contacts')
        .select('id')
        .where('accountId', '=', accountId)
        .where('email', '=', email)
        .executeTakeFirst();
      return !!contact;
    },

    insert: (executor: Db, request: CredentialRequest) =>
      executor.insertInto('credentialRequests').values(request).execute(),

    find: (executor: Db, id: string) =>
      executor.selectFrom('credentialRequests').selectAll().where('id', '=', id).executeTakeFirst(),

    answer: (
      executor: Db,
      id: string,
      changes: { state: CredentialRequestState; answeredAt: string; answeredByOperatorId: string },
    ) =>
      executor
        .updateTable('credentialRequests')
        .set(changes)
        .where('id', '=', id)
        .where('state', '=', 'open')
        .executeTakeFirst(),

    admins: (executor: Db, accountId: string) =>
      adminsQuery(executor, accountId)
        .select([
          'users.id',
          'users.email',
          'users.locale',
          'users.salutation',
          'users.title',
          'users.firstName',
          'users.lastName',
        ])
        .orderBy('users.id')
        .execute(),

    account: (executor: Db, accountId: string) =>
      executor
        .selectFrom('accounts')
        .select(['id', 'name', 'customerNumber', 'locale'])
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow(),

    /** Newest first, with the account and whether the requester's address is one of its admins' (as above). */
    list: (executor: Db, filter: { state: CredentialRequestState } | { id: string }) =>
      executor
        .selectFrom('credentialRequests')
        .innerJoin('accounts', 'accounts.id', 'credentialRequests.accountId')
        .selectAll('credentialRequests')
        .select((eb) => [
          'accounts.customerNumber',
          'accounts.name as companyName',
          eb
            .exists(
              eb
                .selectFrom('memberships')
                .innerJoin('users', 'users.id', 'memberships.userId')
                .select('users.id')
                .whereRef('memberships.accountId', '=', 'credentialRequests.accountId')
                .whereRef('users.homeAccountId', '=', 'credentialRequests.accountId')
                .where('memberships.role', 'in', ['owner', 'admin'])
                .where('users.status', '!=', 'disabled')
                .whereRef('users.email', '=', 'credentialRequests.requesterEmail'),
            )
            .as('requesterIsAdmin'),
        ])
        .$if('state' in filter, (query) =>
          query.where('credentialRequests.state', '=', (filter as { state: CredentialRequestState }).state),
        )
        .$if('id' in filter, (query) =>
          query.where('credentialRequests.id', '=', (filter as { id: string }).id),
        )
        .orderBy('credentialRequests.createdAt', 'desc')
        .orderBy('credentialRequests.id', 'desc')
        .limit(500)
        .execute(),
  };
}

export type CredentialRequestsRepository = ReturnType<typeof createCredentialRequestsRepository>;
