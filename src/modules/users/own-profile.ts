// The signed-in person's own profile: the user of their own account, or a personal identity (M1), who has
// no account of their own and is shown as the member they are where they act now.
import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { view } from './members.ts';
import { type PersonalData, personal } from './personal-data.ts';
import type { UserAdministration } from './user-administration.ts';
import type { UsersService } from './users.service.ts';

export type OwnProfileChanges = Partial<Omit<PersonalData, 'username' | 'email'>>;

interface Member {
  userId: string;
  accountId: string;
}

export function createOwnProfile(dependencies: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  users: UsersService;
  administration: UserAdministration;
}) {
  const { db, clock, audit, users, administration } = dependencies;
  const repository = users.repository;

  async function userOf(member: Member) {
    const user = await repository.findById(member.userId);
    if (!user) throw new AppError('NOT_FOUND');
    return user;
  }

  async function get(member: Member) {
    const user = await userOf(member);
    const found = await repository.findMember(db, user.homeAccountId ?? member.accountId, user.id);
    if (!found) throw new AppError('NOT_FOUND');
    return view(found);
  }

  return {
    get,

    async update(member: Member, actor: AuditActor, changes: OwnProfileChanges) {
      const user = await userOf(member);
      const self = { ...actor, id: user.id };
      if (user.homeAccountId) {
        return administration.updateUser({ accountId: user.homeAccountId, actor: self }, user.id, changes);
      }
      // No user name, no account rules: a personal identity changes only its own name and language.
      const { salutation, title, firstName, lastName, locale } = personal({
        ...user,
        locale: user.locale as Locale | null,
        ...changes,
      });
      const fields = Object.keys(changes).sort();
      await db.transaction().execute(async (transaction) => {
        if (fields.some((field) => field !== 'locale')) {
          await audit.record(transaction, {
            actor: self,
            accountId: null,
            action: 'user.updated',
            target: { type: 'user', id: user.id },
            details: { fields },
          });
        }
        const updatedAt = clock.now().toISOString();
        await repository.update(transaction, user.id, {
          salutation,
          title,
          firstName,
          lastName,
          locale,
          updatedAt,
        });
      });
      return get(member);
    },
  };
}

export type OwnProfile = ReturnType<typeof createOwnProfile>;
