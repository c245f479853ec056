import { assertCurrentPassword } from '../../shared/reauthentication.ts';
import type { UsersService } from './users.service.ts';

/** The user, once their current password is confirmed (SECURITY.md 15). */
export async function confirmCurrentPassword(users: UsersService, userId: string, currentPassword: string) {
  const user = await users.repository.findById(userId);
  await assertCurrentPassword(user?.passwordHash, currentPassword);
  return user;
}
