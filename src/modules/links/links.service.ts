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
import { createLinksRepository, type LinkOwner } from './links.repository.ts';

/** The web app page that opens each kind of link. */
const pageOf: Record<ActionTokenPurpose, string> = {
  operator_setup: '/setup',
  email_confirmation: '/confirm-email',
  credentials_reveal: '/reveal',
  password_reset: '/reset-password',
  email_change: '/confirm-email-change',
  operator_password_reset: '/operator/reset-password',
  operator_invitation: '/operator/invitation',
  activation: '/activate',
  portal_link: '/portal-link',
};

export function createLinksService({ db, clock, config }: { db: Db; clock: Clock; config: Config }) {
  const repository = createLinksRepository();

  async function findUsable(executor: Db, token: string, purpose: ActionTokenPurpose) {
    const link = await repository.find(executor, hashToken(token), purpose);
    assertThat(link && (link.userId || link.operatorId), linkErrors.LINK_INVALID);
    assertThat(link.usedAt === null, linkErrors.LINK_USED);
    assertThat(link.expiresAt > clock.now().toISOString(), linkErrors.LINK_EXPIRED);
    return link;
  }

  async function consume(executor: Db, token: string, purpose: ActionTokenPurpose) {
    const link = await findUsable(executor, token, purpose);
    if (!(await repository.markUsed(executor, link.id, clock.now().toISOString()))) {
      throw new AppError(linkErrors.LINK_USED);
    }
    return link;
  }

  const ownerOf = (options: { userId?: string; operatorId?: string }): LinkOwner =>
    options.operatorId ? { operatorId: options.operatorId } : { userId: options.userId ?? '' };

  return {
    /** A new link for a user (userId) or an operator (operatorId); it replaces their older unused ones. */
    async issueLink(
      executor: Db,
      options: {
        purpose: ActionTokenPurpose;
        userId?: string;
        operatorId?: string;
        validForMs: number;
        newEmail?: string;
        secret?: string;
      },
    ): Promise<{ url: string; expiresAt: string }> {
      const token = generateToken();
      const now = clock.now();
      const owner = ownerOf(options);
      const expiresAt = addMilliseconds(now, options.validForMs).toISOString();
      await repository.revokeUnused(executor, owner, options.purpose, now.toISOString());
      await repository.insert(executor, {
        id: newId(),
        purpose: options.purpose,
        tokenHash: hashToken(token),
        owner,
        newEmail: options.newEmail ?? null,
        sealedSecret: options.secret ? seal(options.secret, token) : null,
        expiresAt,
        createdAt: now.toISOString(),
      });
      return { url: new URL(`${pageOf[options.purpose]}#token=${token}`, config.publicUrl).href, expiresAt };
    },

    /**
     * Whether a new link of a kind may be sent now: not while the last one is younger than `spacingMs`, so
     * that "send again" cannot flood anybody's inbox.
     */
    async mayResend(executor: Db, owner: LinkOwner, purpose: ActionTokenPurpose, spacingMs: number) {
      const newest = await repository.newestIssuedAt(executor, owner, purpose);
      return !newest || clock.now().getTime() - Date.parse(newest) >= spacingMs;
    },

    /** Tells whether a user's link can still be used, and whose it is, without using it. */
    async checkLink(token: string, purpose: ActionTokenPurpose): Promise<{ userId: string }> {
      const link = await findUsable(db, token, purpose);
      assertThat(link.userId, linkErrors.LINK_INVALID);
      return { userId: link.userId };
    },

    /** Uses a user's link inside the caller's transaction; the change and the use commit together. */
    async consumeLink(executor: Db, token: string, purpose: ActionTokenPurpose) {
      const link = await consume(executor, token, purpose);
      assertThat(link.userId, linkErrors.LINK_INVALID);
      return {
        userId: link.userId,
        newEmail: link.newEmail,
        secret: link.sealedSecret ? unseal(link.sealedSecret, token) : null,
      };
    },

    checkOperatorLink: async (token: string, purpose: ActionTokenPurpose) => {
      const link = await findUsable(db, token, purpose);
      assertThat(link.operatorId, linkErrors.LINK_INVALID);
      return { operatorId: link.operatorId };
    },

    consumeOperatorLink: async (executor: Db, token: string, purpose: ActionTokenPurpose) => {
      const link = await consume(executor, token, purpose);
      assertThat(link.operatorId, linkErrors.LINK_INVALID);
      return { operatorId: link.operatorId };
    },

    /**
     * A user's link as it is, usable or not, without using it (null for an unknown token): for pages that
     * say what happened to a link. The first look at a usable link is recorded as its opening.
     */
    async inspectLink(token: string, purpose: ActionTokenPurpose) {
      const link = await repository.find(db, hashToken(token), purpose);
      if (!link?.userId) return null;
      const now = clock.now().toISOString();
      const usable = link.usedAt === null && link.expiresAt > now;
      if (usable && link.openedAt === null) await repository.markOpened(db, link.id, now);
      return { ...link, userId: link.userId };
    },

    revokeLinks: (executor: Db, userId: string, purpose: ActionTokenPurpose) =>
      repository.revokeUnused(executor, { userId }, purpose, clock.now().toISOString()),
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
