import { PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../../db/kysely.ts';
import { prepareQuery } from '../../db/prepared.ts';
import type { Database as DB, NewUser, Role, User, UserChangeKind } from '../../db/schema.ts';
import { searchMatches } from '../../db/search.ts';
import { searchText } from '../../shared/search-text.ts';

const listed = [
  'users.id',
  'users.userNumber',
  'users.username',
  'users.salutation',
  'users.title',
  'users.firstName',
  'users.lastName',
  'users.email',
  'users.status',
  'users.locale',
  'users.createdAt',
  'memberships.role',
  'memberships.permissions',
] as const;

/** What the users page searches in. */
const searched = ['username', 'firstName', 'lastName', 'email', 'userNumber'] as const;
const searchOf = (user: Pick<User, (typeof searched)[number]>) =>
  searchText(searched.map((field) => user[field]));

export function createUsersRepository(db: Db) {
  /** The account's own users (not invited guests), with their role there. */
  const ownUsers = (accountId: string, executor: Db = db) =>
    executor
      .selectFrom('users')
      .innerJoin('memberships', (join) =>
        join.onRef('memberships.userId', '=', 'users.id').on('memberships.accountId', '=', accountId),
      )
      .where('users.homeAccountId', '=', accountId);

  /** A page of the users page, in name order (the covering index `users_list` serves it). */
  const inNameOrder = (users: ReturnType<typeof ownUsers>, limit: number, offset: number) =>
    users
      .select(listed)
      .orderBy('users.lastName')
      .orderBy('users.firstName')
      .orderBy('users.id')
      .limit(limit)
      .offset(offset);
  // The users page (G1) without a filter.
  const unfilteredPage = prepareQuery(db, (page: { accountId: string; limit: number; offset: number }) =>
    inNameOrder(ownUsers(page.accountId), page.limit, page.offset),
  );
  // Sign-in and every session description read these.
  const userById = prepareQuery(db, ({ id }: { id: string }) =>
    db.selectFrom('users').selectAll().where('id', '=', id),
  );
  const userByEmail = prepareQuery(db, ({ email }: { email: string }) =>
    db.selectFrom('users').selectAll().where('email', '=', email),
  );
  const membershipsOf = prepareQuery(db, ({ userId }: { userId: string }) =>
    db
      .selectFrom('memberships')
      .innerJoin('accounts', 'accounts.id', 'memberships.accountId')
      .select([
        'accounts.id as accountId',
        'accounts.customerNumber',
        'accounts.name',
        'accounts.status',
        'accounts.timezone as timeZone',
        'memberships.role',
        'memberships.permissions',
      ])
      .where('memberships.userId', '=', userId)
      .orderBy('accounts.name'),
  );
  const seats = prepareQuery(db, ({ accountId }: { accountId: string }) =>
    db
      .selectFrom('accounts')
      .select(['seatsUsed as used', 'seatLimit as limit', 'customerNumber', 'name'])
      .where('id', '=', accountId),
  );

  return {
    /**
     * A page of the account's own users; the total only when filtered: without a filter it is the seats
     * in use, as every own user holds one (`reserveSeat`), which saves counting thousands of rows per page.
     */
    async listInAccount(
      options: { accountId: string; search?: string; onlyUserId?: string; limit: number; offset: number },
      executor: Db = db,
    ) {
      const { onlyUserId, search } = options;
      if (!onlyUserId && !search)
        return { items: await unfilteredPage.execute(options, executor), total: null };
      // Every filter is on users; the count needs no join (each own user has a membership at home).
      const filtered = <Query extends SelectQueryBuilder<DB, 'users', object>>(query: Query) => {
        let narrowed = query.where('users.homeAccountId', '=', options.accountId);
        if (onlyUserId) narrowed = narrowed.where('users.id', '=', onlyUserId);
        if (search) narrowed = narrowed.where((eb) => eb.or(searchMatches('users.searchText', search)));
        return narrowed as Query;
      };
      const [items, total] = await Promise.all([
        inNameOrder(filtered(ownUsers(options.accountId, executor)), options.limit, options.offset).execute(),
        filtered(executor.selectFrom('users'))
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.count) };
    },

    findInAccount: (accountId: string, userId: string, executor: Db = db) =>
      ownUsers(accountId, executor)
        .selectAll('users')
        .select(['memberships.role', 'memberships.permissions'])
        .where('users.id', '=', userId)
        .executeTakeFirst(),

    /** A member of the account, its own user or one invited from elsewhere, with role and permissions. */
    findMember: (executor: Db, accountId: string, userId: string) =>
      executor
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.userId', 'users.id')
        .selectAll('users')
        .select(['memberships.role', 'memberships.permissions'])
        .where('memberships.accountId', '=', accountId)
        .where('users.id', '=', userId)
        .executeTakeFirst(),

    setPermissions: (executor: Db, accountId: string, userId: string, permissions: readonly string[]) =>
      executor
        .updateTable('memberships')
        .set({ permissions: JSON.stringify(permissions) })
        .where('accountId', '=', accountId)
        .where('userId', '=', userId)
        .execute(),

    /** The account's owner: the one membership with role owner. */
    findOwner: (executor: Db, accountId: string) =>
      executor
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.userId', 'users.id')
        .selectAll('users')
        .where('memberships.accountId', '=', accountId)
        .where('memberships.role', '=', 'owner')
        .executeTakeFirst(),

    countAdmins: async (executor: Db, accountId: string) =>
      Number(
        (
          await executor
            .selectFrom('memberships')
            .select((eb) => eb.fn.countAll().as('count'))
            .where('accountId', '=', accountId)
            .where('role', 'in', ['owner', 'admin'])
            .executeTakeFirstOrThrow()
        ).count,
      ),

    setRole: (executor: Db, accountId: string, userId: string, role: Role) =>
      executor
        .updateTable('memberships')
        .set({ role })
        .where('accountId', '=', accountId)
        .where('userId', '=', userId)
        .execute(),

    usernameTaken: async (executor: Db, accountId: string, username: string, exceptUserId = '') =>
      (await executor
        .selectFrom('users')
        .select('id')
        .where('homeAccountId', '=', accountId)
        .where('username', '=', username)
        .where('id', '!=', exceptUserId)
        .executeTakeFirst()) !== undefined,

    emailTaken: async (executor: Db, email: string, exceptUserId = '') =>
      (await executor
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .where('id', '!=', exceptUserId)
        .executeTakeFirst()) !== undefined,

    delete: (executor: Db, userId: string) => executor.deleteFrom('users').where('id', '=', userId).execute(),

    // Seats live on the account row; only the user lifecycle changes them, so they are kept here.
    /** Takes a seat if one is free: one conditional update, so concurrent creations never overshoot. */
    async reserveSeat(executor: Db, accountId: string): Promise<boolean> {
      const result = await executor
        .updateTable('accounts')
        .set((eb) => ({ seatsUsed: eb('seatsUsed', '+', 1) }))
        .where('id', '=', accountId)
        .whereRef('seatsUsed', '<', 'seatLimit')
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    releaseSeat: (executor: Db, accountId: string) =>
      executor
        .updateTable('accounts')
        .set((eb) => ({ seatsUsed: eb('seatsUsed', '-', 1) }))
        .where('id', '=', accountId)
        .execute(),

    seats: (accountId: string, executor: Db = db) =>
      seats.takeFirst({ accountId }, executor).then((found) => {
        if (!found) throw new Error(`account ${accountId} not found`);
        return found;
      }),

    /** Serializes changes to one account's admins (row lock on PostgreSQL; SQLite writes one at a time). */
    lockAccount: (executor: Db, accountId: string) =>
      executor
        .updateTable('accounts')
        .set((eb) => ({ seatsUsed: eb.ref('seatsUsed') }))
        .where('id', '=', accountId)
        .execute(),

    insert: (executor: Db, user: NewUser) =>
      executor
        .insertInto('users')
        .values({ ...user, searchText: searchOf(user) })
        .execute(),

    insertMembership: (
      executor: Db,
      membership: { accountId: string; userId: string; role: Role; createdAt: string },
    ) => executor.insertInto('memberships').values(membership).execute(),

    userNumberTaken: async (executor: Db, userNumber: string) =>
      (await executor
        .selectFrom('users')
        .select('id')
        .where('userNumber', '=', userNumber)
        .executeTakeFirst()) !== undefined,

    findById: (id: string, executor: Db = db) => userById.takeFirst({ id }, executor),

    findByEmail: (email: string, executor: Db = db) => userByEmail.takeFirst({ email }, executor),

    findByNumbers: (customerNumber: string, userNumber: string) =>
      db
        .selectFrom('users')
        .innerJoin('accounts', 'accounts.id', 'users.homeAccountId')
        .selectAll('users')
        .where('accounts.customerNumber', '=', customerNumber)
        .where('users.userNumber', '=', userNumber)
        .executeTakeFirst(),

    /** Who an activation e-mail goes to, in which language, and the account it names. */
    activationRecipient: (executor: Db, userId: string) =>
      executor
        .selectFrom('users')
        .innerJoin('accounts', 'accounts.id', 'users.homeAccountId')
        .innerJoin('memberships', (join) =>
          join
            .onRef('memberships.userId', '=', 'users.id')
            .onRef('memberships.accountId', '=', 'accounts.id'),
        )
        .select([
          'users.salutation',
          'users.title',
          'users.firstName',
          'users.lastName',
          'users.email',
          'users.locale',
          'users.userNumber',
          'users.username',
          'memberships.role',
          'accounts.name as accountName',
          'accounts.customerNumber',
          'accounts.locale as accountLocale',
        ])
        .where('users.id', '=', userId)
        .executeTakeFirst(),

    /** What the desktop program needs besides the key: customer number, user number, user name. */
    findProgramIdentity: (executor: Db, userId: string) =>
      executor
        .selectFrom('users')
        .innerJoin('accounts', 'accounts.id', 'users.homeAccountId')
        .select(['accounts.customerNumber', 'users.userNumber', 'users.username'])
        .where('users.id', '=', userId)
        .executeTakeFirstOrThrow(),

    /** The customer number of the person's own account; null for a personal identity (M1). */
    async homeCustomerNumber(executor: Db, user: { homeAccountId: string | null }) {
      if (!user.homeAccountId) return null;
      const account = await executor
        .selectFrom('accounts')
        .select('customerNumber')
        .where('id', '=', user.homeAccountId)
        .executeTakeFirstOrThrow();
      return account.customerNumber;
    },

    memberships: (userId: string) => membershipsOf.execute({ userId }),

    /** A change to what is searched refreshes the search column in the caller's transaction. */
    async update(executor: Db, id: string, changes: Partial<Omit<NewUser, 'id'>>) {
      await executor.updateTable('users').set(changes).where('id', '=', id).execute();
      if (!searched.some((field) => field in changes)) return;
      const user = await executor
        .selectFrom('users')
        .select(searched)
        .where('id', '=', id)
        .executeTakeFirst();
      if (user)
        await executor
          .updateTable('users')
          .set({ searchText: searchOf(user) })
          .where('id', '=', id)
          .execute();
    },

    /** A user given to a new person keeps no PIN or security answer of the old one (S6). */
    clearIdentification: (executor: Db, userId: string) =>
      executor
        .updateTable('users')
        .set({
          pinHash: null,
          securityQuestion: null,
          securityAnswerHash: null,
          identificationFailures: 0,
          identificationLockedUntil: null,
        })
        .where('id', '=', userId)
        .execute(),

    insertAccessKey: (
      executor: Db,
      key: { id: string; userId: string; keyHash: string; createdAt: string },
    ) =>
      executor
        .insertInto('accessKeys')
        .values({ ...key, lastUsedAt: null, revokedAt: null })
        .execute(),

    isLiveAccessKey: async (executor: Db, userId: string, keyHash: string) =>
      (await executor
        .selectFrom('accessKeys')
        .select('id')
        .where('userId', '=', userId)
        .where('keyHash', '=', keyHash)
        .where('revokedAt', 'is', null)
        .executeTakeFirst()) !== undefined,

    /**
     * P3: logs a change of a user for the desktop program, in the caller's transaction; call it last. On
     * PostgreSQL a per-account lock held to commit makes ids follow commit order, so a cursor (the last id
     * read) never passes a change that commits later; SQLite writes one transaction at a time anyway.
     */
    async recordChange(
      executor: Db,
      change: { accountId: string; userId: string; userNumber: string; kind: UserChangeKind; at: string },
    ) {
      if (executor.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`select pg_advisory_xact_lock(hashtext(${`user_changes:${change.accountId}`}))`.execute(
          executor,
        );
      }
      await executor.insertInto('userChanges').values(change).execute();
    },

    revokeAccessKeys: (executor: Db, userId: string, revokedAt: string) =>
      executor
        .updateTable('accessKeys')
        .set({ revokedAt })
        .where('userId', '=', userId)
        .where('revokedAt', 'is', null)
        .execute(),
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
