// SECURITY.md 15: before a sensitive step the person proves again who they are, with their password, so a
// session left open on someone else's screen cannot hand out keys, turn off two-factor or give the account away.
import { AppError, defineErrors } from './app-error.ts';
import { verifyPassword } from './passwords.ts';

export const reauthenticationErrors = defineErrors({ CURRENT_PASSWORD_WRONG: 400 });

/** Refuses, under the currentPassword field, unless the password matches the stored hash. */
export async function assertCurrentPassword(
  passwordHash: string | null | undefined,
  currentPassword: string,
) {
  if (!passwordHash || !(await verifyPassword(passwordHash, currentPassword))) {
    throw new AppError(reauthenticationErrors.CURRENT_PASSWORD_WRONG, {
      details: [{ field: 'currentPassword', code: reauthenticationErrors.CURRENT_PASSWORD_WRONG }],
    });
  }
}
