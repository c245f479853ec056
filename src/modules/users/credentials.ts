// Program credentials (U2): user number + access key. The key has 256 bits, is stored as SHA-256 only,
// and is shown once: to the admin who creates the user, or behind a single-use reveal link.
import type { Db } from '../../db/kysely.ts';
import { generateToken, hashToken, newId } from '../../shared/tokens.ts';
import type { UsersRepository } from './users.repository.ts';

/** Issues a new key for the user and revokes every older one at once; returns the key in clear, once. */
export async function rotateAccessKey(
  repository: UsersRepository,
  executor: Db,
  userId: string,
  now: string,
): Promise<string> {
  const accessKey = generateToken();
  await repository.revokeAccessKeys(executor, userId, now);
  await repository.insertAccessKey(executor, {
    id: newId(),
    userId,
    keyHash: hashToken(accessKey),
    createdAt: now,
  });
  return accessKey;
}
