// SECURITY.md 15: before a sensitive step the person proves again who they are, with their password, so a
// session left open on someone else's screen cannot hand out keys or the account.
import { AppError, defineErrors } from '../../shared/app-error.ts';
import { verifyPassword } from '../../shared/passwords.ts';
import type { UsersService } from './users.service.ts';

export const reauthenticationErrors = defineErrors({ CURRENT_PASSWORD_WRONG: 400 });

export async function confirmCurrentPassword(users: UsersService, userId: string, currentPassword: string) {
  const user = await users.repository.findById(userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError(reauthenticationErrors.CURRENT_PASSWORD_WRONG, {
      details: [{ field: 'currentPassword', code: reauthenticationErrors.CURRENT_PASSWORD_WRONG }],
    });
  }
  return user;
}
