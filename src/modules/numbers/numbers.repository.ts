import type { Db } from '../../db/kysely.ts';
import type { Database } from '../../db/schema.ts';
import { searchMatches } from '../../db/search.ts';

type NumberBlockRow = Database['numberBlocks'];
type MemberNumberRow = Database['memberNumbers'];

export function createNumbersRepository() {
  return {
    accountExists: async (executor: Db, accountId: string) =>
      Boolean(
        await executor.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst(),
      ),

    findBlock: (executor: Db, accountId: string) =>
      executor.selectFrom('numberBlocks').selectAll().where('accountId', '=', accountId).executeTakeFirst(),

    insertBlock: (executor: Db, block: NumberBlockRow) =>
      executor.insertInto('numberBlocks').values(block).execute(),

    updateBlock: (
      executor: Db,
      accountId: string,
      fields: Pick<NumberBlockRow, 'prefix' | 'lastExtension' | 'faxNumber' | 'updatedAt'>,
    ) => executor.updateTable('numberBlocks').set(fields).where('accountId', '=', accountId).execute(),

    /** Every member's number, with the name the refusals and the audit log use. */
    numbersOf: (executor: Db, accountId: string) =>
      executor
        .selectFrom('memberNumbers')
        .innerJoin('users', 'users.id', 'memberNumbers.userId')
        .select([
          'memberNumbers.userId',
          'memberNumbers.extension',
          'memberNumbers.directDial',
          'users.title',
          'users.firstName',
          'users.lastName',
        ])
        .where('memberNumbers.accountId', '=', accountId)
        .execute(),

    findMember: (executor: Db, accountId: string, userId: string) =>
      executor
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.userId')
        .leftJoin('memberNumbers', (join) =>
          join
            .onRef('memberNumbers.accountId', '=', 'memberships.accountId')
            .onRef('memberNumbers.userId', '=', 'memberships.userId'),
        )
        .select([
          'users.id',
          'users.title',
          'users.firstName',
          'users.lastName',
          'memberNumbers.extension',
          'memberNumbers.directDial',
        ])
        .where('memberships.accountId', '=', accountId)
        .where('memberships.userId', '=', userId)
        .executeTakeFirst(),

    upsertNumber: async (executor: Db, row: MemberNumberRow, exists: boolean) => {
      if (!exists) return void (await executor.insertInto('memberNumbers').values(row).execute());
      await executor
        .updateTable('memberNumbers')
        .set({ extension: row.extension, directDial: row.directDial, updatedAt: row.updatedAt })
        .where('accountId', '=', row.accountId)
        .where('userId', '=', row.userId)
        .execute();
    },

    removeNumber: (executor: Db, accountId: string, userId: string) =>
      executor
        .deleteFrom('memberNumbers')
        .where('accountId', '=', accountId)
        .where('userId', '=', userId)
        .executeTakeFirst(),

    /** The account's members who can be reached (not disabled), in name order, narrowed by a search. */
    directory: (executor: Db, accountId: string, search: string) => {
      let query = executor
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.userId')
        .leftJoin('memberNumbers', (join) =>
          join
            .onRef('memberNumbers.accountId', '=', 'memberships.accountId')
            .onRef('memberNumbers.userId', '=', 'memberships.userId'),
        )
        .select([
          'users.id',
          'users.title',
          'users.firstName',
          'users.lastName',
          'users.email',
          'memberNumbers.extension',
          'memberNumbers.directDial',
        ])
        .where('memberships.accountId', '=', accountId)
        .where('users.status', '!=', 'disabled');
      const digits = search.replace(/[\s\-/.()+]/g, '');
      if (search) {
        query = query.where((eb) =>
          eb.or([
            ...searchMatches('users.searchText', search),
            ...(/^\d+$/.test(digits)
              ? [
                  eb('memberNumbers.extension', '=', digits),
                  eb('memberNumbers.directDial', 'like', `%${digits}%`),
                ]
              : []),
          ]),
        );
      }
      return query
        .orderBy('users.lastName')
        .orderBy('users.firstName')
        .orderBy('users.id')
        .limit(1000)
        .execute();
    },
  };
}
