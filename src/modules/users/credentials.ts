// Program credentials (U2): user number + access key. The key has 256 bits, is stored as SHA-256 only,
// and is shown once: to the admin who creates the user, or behind a single-use reveal link.
import type { Db } from '../../db/kysely.ts';
import { generateToken, hashToken, newId } from '../../shared/tokens.ts';
import type { LinksService } from '../links/index.ts';
import type { UsersRepository } from './users.repository.ts';

/**
 * Issues a new key for the user and revokes every older one at once, together with every reveal link that
 * would still show an older one; returns the key in clear, once.
 */
export async function rotateAccessKey(
  { repository, links }: { repository: UsersRepository; links: LinksService },
  executor: Db,
  userId: string,
  now: string,
): Promise<string> {
  const accessKey = generateToken();
  await repository.revokeAccessKeys(executor, userId, now);
  await links.revokeLinks(executor, userId, 'credentials_reveal');
  await repository.insertAccessKey(executor, {
    id: newId(),
    userId,
    keyHash: hashToken(accessKey),
    createdAt: now,
  });
  return accessKey;
}
