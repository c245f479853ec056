// Single-use links sent by e-mail: 256-bit token in the URL fragment, SHA-256 at rest, one purpose each,
// expiring, and usable exactly once even under concurrent use.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { ActionTokenPurpose } from '../../db/schema.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { addMilliseconds, type Clock } from '../../shared/clock.ts';
import { seal, unseal } from '../../shared/sealing.ts';
import { generateToken, hashToken, newId } from '../../shared/tokens.ts';
import { linkErrors } from './links.errors.ts';
import { createLinksRepository } from './links.repository.ts';

/** The web app page that opens each kind of link. */
const pageOf: Record<ActionTokenPurpose, string> = {
  operator_setup: '/setup',
  email_confirmation: '/confirm-email',
  credentials_reveal: '/reveal',
  password_reset: '/reset-password',
  email_change: '/confirm-email-change',
};

export function createLinksService({ db, clock, config }: { db: Db; clock: Clock; config: Config }) {
  const repository = createLinksRepository();

  async function findUsable(executor: Db, token: string, purpose: ActionTokenPurpose) {
    const link = await repository.find(executor, hashToken(token), purpose);
    assertThat(link?.userId, linkErrors.LINK_INVALID);
    assertThat(link.usedAt === null, linkErrors.LINK_USED);
    assertThat(link.expiresAt > clock.now().toISOString(), linkErrors.LINK_EXPIRED);
    return { ...link, userId: link.userId };
  }

  return {
    async issueLink(
      executor: Db,
      options: {
        purpose: ActionTokenPurpose;
        userId: string;
        validForMs: number;
        newEmail?: string;
        secret?: string;
      },
    ): Promise<{ url: string; expiresAt: string }> {
      const token = generateToken();
      const now = clock.now();
      const expiresAt = addMilliseconds(now, options.validForMs).toISOString();
      await repository.revokeUnused(executor, options.userId, options.purpose, now.toISOString());
      await repository.insert(executor, {
        id: newId(),
        purpose: options.purpose,
        tokenHash: hashToken(token),
        userId: options.userId,
        newEmail: options.newEmail ?? null,
        sealedSecret: options.secret ? seal(options.secret, token) : null,
        expiresAt,
        createdAt: now.toISOString(),
      });
      return { url: new URL(`${pageOf[options.purpose]}#token=${token}`, config.publicUrl).href, expiresAt };
    },

    /** Tells whether a link can still be used, and whose it is, without using it. */
    async checkLink(token: string, purpose: ActionTokenPurpose): Promise<{ userId: string }> {
      const { userId } = await findUsable(db, token, purpose);
      return { userId };
    },

    /** Uses the link inside the caller's transaction; the change and the use commit together. */
    async consumeLink(executor: Db, token: string, purpose: ActionTokenPurpose) {
      const link = await findUsable(executor, token, purpose);
      if (!(await repository.markUsed(executor, link.id, clock.now().toISOString()))) {
        throw new AppError(linkErrors.LINK_USED);
      }
      return {
        userId: link.userId,
        newEmail: link.newEmail,
        secret: link.sealedSecret ? unseal(link.sealedSecret, token) : null,
      };
    },

    revokeLinks: (executor: Db, userId: string, purpose: ActionTokenPurpose) =>
      repository.revokeUnused(executor, userId, purpose, clock.now().toISOString()),
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
