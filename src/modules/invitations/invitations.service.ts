// M1: an account's owner, admins and members with "manage users" invite a person by e-mail with chosen
// permissions; someone who already has a Kontor identity signs in with it and accepts, someone with none
// creates a personal identity (a login of no account). Invited people never take a seat. One open
// invitation per address and account, 48 hours, sent again = a new link.
import type { Config, Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { Invitation } from '../../db/schema.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { addMilliseconds, type Clock, hours } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { translator } from '../../shared/i18n.ts';
import { formatName } from '../../shared/names.ts';
import {
  type NotificationCategory,
  parseCategories,
  storeCategories,
} from '../../shared/notification-categories.ts';
import { assertPasswordAcceptable, hashPassword } from '../../shared/passwords.ts';
import { type Grant, heldPermissions, parsePermissions } from '../../shared/permissions.ts';
import { generateToken, hashToken, newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { linkErrors } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import {
  assertMayChange,
  catalogueOnly,
  normalizeEmail,
  type PersonalIdentityDetails,
  type UsersService,
} from '../users/index.ts';
import { invitationErrors } from './invitations.errors.ts';
import { createInvitationsRepository } from './invitations.repository.ts';

export const invitationValidity = hours(48);

export type InvitationState = 'sent' | 'opened' | 'expired' | 'accepted' | 'revoked';

export function stateOf(invitation: Invitation, now: string): InvitationState {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt <= now) return 'expired';
  return invitation.openedAt ? 'opened' : 'sent';
}

interface Dependencies {
  db: Db;
  clock: Clock;
  config: Config;
  mail: MailService;
  audit: AuditService;
  users: UsersService;
  sessions: SessionsService;
}

export interface InvitingContext {
  accountId: string;
  actor: AuditActor & { id: string };
  grant: Grant;
}

export function createInvitationsService({ db, clock, config, mail, audit, users, sessions }: Dependencies) {
  const repository = createInvitationsRepository();
  const now = () => clock.now().toISOString();

  const view = (
    invitation: Invitation & { inviterFirstName?: string | null; inviterLastName?: string | null },
  ) => ({
    id: invitation.id,
    email: invitation.email,
    permissions: heldPermissions({ role: 'member', permissions: parsePermissions(invitation.permissions) }),
    categories: parseCategories(invitation.notificationCategories),
    state: stateOf(invitation, now()),
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    openedAt: invitation.openedAt,
    acceptedAt: invitation.acceptedAt,
  });

  /** A new row with a new token, and the e-mail that carries it, in the invitee's language if known. */
  async function send(
    executor: Db,
    context: InvitingContext,
    email: string,
    offer: { permissions: string; notificationCategories: string },
  ) {
    const token = generateToken();
    const invitation: Invitation = {
      id: newId(),
      accountId: context.accountId,
      email,
      permissions: offer.permissions,
      notificationCategories: offer.notificationCategories,
      invitedBy: context.actor.id,
      tokenHash: hashToken(token),
      expiresAt: addMilliseconds(clock.now(), invitationValidity).toISOString(),
      openedAt: null,
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
      createdAt: now(),
    };
    await repository.insert(executor, invitation);
    const [invitee, inviter, seats] = await Promise.all([
      users.repository.findByEmail(email, executor),
      users.repository.findById(context.actor.id, executor),
      users.repository.seats(context.accountId, executor),
    ]);
    const locale = (invitee?.locale ?? inviter?.locale ?? config.defaultLocale) as Locale;
    const t = translator(locale);
    await mail.enqueueEmail(executor, {
      to: email,
      greet: invitee ?? { name: email },
      locale,
      template: 'invitation',
      params: {
        inviterName: inviter ? formatName(inviter, locale) : '',
        companyName: seats.name,
        customerNumber: seats.customerNumber,
        permissions:
          parsePermissions(offer.permissions)
            .map((name) => t(`permissionNames.${name}`))
            .join(', ') || t('email.invitation.noPermissions'),
        acceptUrl: new URL(`/invitation#token=${token}`, config.publicUrl).href,
      },
    });
    return invitation;
  }

  async function findOwn(executor: Db, accountId: string, id: string) {
    const invitation = await repository.findInAccount(executor, accountId, id);
    if (!invitation) throw new AppError('NOT_FOUND');
    return invitation;
  }

  /** The invitation behind a link, if it can still be accepted; otherwise what happened to it. */
  async function usable(executor: Db, token: string) {
    const found = await repository.findByTokenHash(executor, hashToken(token));
    assertThat(found && found.accountStatus === 'active', linkErrors.LINK_INVALID);
    const state = stateOf(found, now());
    const inviterName = found.inviterFirstName
      ? formatName(
          {
            salutation: found.inviterSalutation,
            title: found.inviterTitle,
            firstName: found.inviterFirstName,
            lastName: found.inviterLastName ?? '',
          },
          config.defaultLocale,
        )
      : found.accountName;
    const params = { inviterName, companyName: found.accountName };
    if (state === 'accepted') throw new AppError(invitationErrors.INVITATION_ACCEPTED, { params });
    if (state === 'revoked') throw new AppError(invitationErrors.INVITATION_REVOKED, { params });
    if (state === 'expired') throw new AppError(invitationErrors.INVITATION_EXPIRED, { params });
    return { ...found, inviterName };
  }

  type Usable = Awaited<ReturnType<typeof usable>>;

  /** The membership an invitation grants; exactly one of concurrent acceptances wins (SECURITY.md 18). */
  async function join(executor: Db, invitation: Usable, userId: string, actor: AuditActor) {
    if (!(await repository.markAccepted(executor, invitation.id, userId, now()))) {
      throw new AppError(invitationErrors.INVITATION_ACCEPTED, {
        params: { inviterName: invitation.inviterName, companyName: invitation.accountName },
      });
    }
    await repository.insertMembership(executor, {
      accountId: invitation.accountId,
      userId,
      permissions: invitation.permissions,
      notificationCategories: invitation.notificationCategories,
      createdAt: now(),
    });
    await audit.record(executor, {
      actor,
      accountId: invitation.accountId,
      action: 'invitation.accepted',
      target: { type: 'user', id: userId },
      details: { email: invitation.email, permissions: parsePermissions(invitation.permissions) },
    });
  }

  const identityExists = () =>
    new AppError(invitationErrors.IDENTITY_EXISTS, {
      details: [{ field: 'email', code: invitationErrors.IDENTITY_EXISTS }],
    });

  return {
    async invite(
      context: InvitingContext,
      input: { email: string; permissions: string[]; categories?: NotificationCategory[] },
    ) {
      const email = normalizeEmail(input.email);
      const permissions = catalogueOnly(input.permissions);
      assertMayChange(context.grant, [], permissions);
      return db.transaction().execute(async (transaction) => {
        if (await repository.isMember(transaction, context.accountId, email)) {
          throw new AppError(invitationErrors.ALREADY_MEMBER, {
            details: [{ field: 'email', code: invitationErrors.ALREADY_MEMBER }],
          });
        }
        const open = await repository.findOpen(transaction, context.accountId, email);
        if (open && stateOf(open, now()) !== 'expired') {
          throw new AppError(invitationErrors.INVITATION_PENDING, {
            details: [{ field: 'email', code: invitationErrors.INVITATION_PENDING }],
          });
        }
        if (open) await repository.revoke(transaction, open.id, now());
        const invitation = await send(transaction, context, email, {
          permissions: JSON.stringify(permissions),
          notificationCategories: storeCategories(input.categories ?? []),
        });
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'invitation.sent',
          target: { type: 'invitation', id: invitation.id },
          details: { email, permissions, categories: input.categories ?? [] },
        });
        return view(invitation);
      });
    },

    async list(accountId: string) {
      return { items: (await repository.listForAccount(accountId, db)).map(view) };
    },

    /** S5: a new link; the old one says it was replaced. */
    async resend(context: InvitingContext, id: string) {
      return db.transaction().execute(async (transaction) => {
        const old = await findOwn(transaction, context.accountId, id);
        assertThat(!old.acceptedAt && !old.revokedAt, invitationErrors.INVITATION_NOT_OPEN);
        await repository.revoke(transaction, old.id, now());
        const invitation = await send(transaction, context, old.email, {
          permissions: old.permissions,
          notificationCategories: old.notificationCategories,
        });
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'invitation.resent',
          target: { type: 'invitation', id: invitation.id },
          details: { email: old.email },
        });
        return view(invitation);
      });
    },

    async cancel(context: InvitingContext, id: string) {
      await db.transaction().execute(async (transaction) => {
        const invitation = await findOwn(transaction, context.accountId, id);
        assertThat(!invitation.acceptedAt && !invitation.revokedAt, invitationErrors.INVITATION_NOT_OPEN);
        await repository.revoke(transaction, invitation.id, now());
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'invitation.revoked',
          target: { type: 'invitation', id: invitation.id },
          details: { email: invitation.email },
        });
      });
    },

    /** M1: the people from other accounts who act here, with their permissions. */
    async listGuests(accountId: string) {
      const rows = await repository.listGuests(db, accountId);
      return {
        items: rows.map(({ permissions, ...guest }) => ({
          ...guest,
          permissions: heldPermissions({ role: 'member', permissions: parsePermissions(permissions) }),
        })),
      };
    },

    /** M4: an invited person leaves the account; their sessions acting in it end with the membership. */
    async removeGuest(context: InvitingContext, userId: string) {
      await db.transaction().execute(async (transaction) => {
        const guest = await users.repository.findMember(transaction, context.accountId, userId);
        if (!guest || guest.homeAccountId === context.accountId) throw new AppError('NOT_FOUND');
        assertMayChange(
          context.grant,
          heldPermissions({ role: 'member', permissions: parsePermissions(guest.permissions) }),
          [],
        );
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'member.removed',
          target: { type: 'user', id: userId },
          details: { email: guest.email },
        });
        await repository.removeGuest(transaction, context.accountId, userId);
      });
    },

    /** What the invitation page shows; the first look is recorded ("opened"). */
    async check(token: string) {
      const invitation = await usable(db, token);
      await repository.markOpened(db, invitation.id, now());
      return {
        companyName: invitation.accountName,
        customerNumber: invitation.customerNumber,
        inviterName: invitation.inviterName,
        email: invitation.email,
        permissions: heldPermissions({
          role: 'member',
          permissions: parsePermissions(invitation.permissions),
        }),
        expiresAt: invitation.expiresAt,
        hasIdentity: (await users.repository.findByEmail(invitation.email)) !== undefined,
      };
    },

    /**
     * The signed-in person takes the invitation meant for their address (tokens are bound to it) and from
     * then on acts in the inviting account, under a new session token.
     */
    async accept(token: string, member: { userId: string; sessionId: string }, actor: AuditActor) {
      return db.transaction().execute(async (transaction) => {
        const invitation = await usable(transaction, token);
        const user = await users.repository.findById(member.userId, transaction);
        assertThat(user?.email === invitation.email, invitationErrors.INVITATION_OTHER_EMAIL);
        assertThat(
          !(await repository.isMember(transaction, invitation.accountId, invitation.email)),
          invitationErrors.ALREADY_MEMBER,
        );
        await join(transaction, invitation, member.userId, actor);
        const session = await sessions.moveSession(transaction, member.sessionId, invitation.accountId);
        if (!session) throw new AppError('UNAUTHENTICATED');
        return { session, accountId: invitation.accountId };
      });
    },

    /**
     * M1: someone without a Kontor login takes the invitation with a personal identity, a name and a
     * password; the link has proven the address. No account of their own, no seat, no program credentials.
     */
    async register(
      token: string,
      input: Omit<PersonalIdentityDetails, 'email' | 'passwordHash'> & { password: string },
      client: { ipAddress: string; userAgent: string },
    ) {
      const { password, ...details } = input;
      const { email } = await usable(db, token);
      assertPasswordAcceptable(password, [details.firstName, details.lastName, email]);
      const passwordHash = await hashPassword(password); // outside the transaction: it takes a while
      const joined = await db
        .transaction()
        .execute(async (transaction) => {
          const invitation = await usable(transaction, token);
          if (await users.repository.findByEmail(invitation.email, transaction)) throw identityExists();
          const user = await users.createPersonalIdentity(transaction, {
            ...details,
            email: invitation.email,
            passwordHash,
          });
          const actor = { type: 'user' as const, id: user.id, ipAddress: client.ipAddress };
          await audit.record(transaction, {
            actor,
            accountId: invitation.accountId,
            action: 'identity.created',
            target: { type: 'user', id: user.id },
            details: { email: invitation.email },
          });
          await join(transaction, invitation, user.id, actor);
          return { userId: user.id, accountId: invitation.accountId };
        })
        .catch((error: unknown) => {
          // Two invitations to one address, taken at the same moment: one identity, the other is told so.
          throw isUniqueViolation(error) ? identityExists() : error;
        });
      const session = await sessions.startSession({
        principal: { userId: joined.userId, activeAccountId: joined.accountId },
        ...client,
      });
      return { session, ...joined };
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
