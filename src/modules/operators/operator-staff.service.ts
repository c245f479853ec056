// Issue 16: operator admins manage the provider's staff. They invite by e-mail (a 48-hour link that sets the
// password), change roles, disable (every session ends at once) and enable again, and may require a second
// factor of every operator. The last active operator admin keeps the admin role.
import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError, assertThat } from '../../shared/app-error.ts';
import { type Clock, hours } from '../../shared/clock.ts';
import { translator } from '../../shared/i18n.ts';
import { type OperatorRole, parseOperatorRoles } from '../../shared/operator-roles.ts';
import { assertPasswordAcceptable, hashPassword } from '../../shared/passwords.ts';
import { newId } from '../../shared/tokens.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { type LinksService, linkErrors } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import type { SessionsService } from '../sessions/index.ts';
import { operatorErrors } from './operators.errors.ts';
import { createOperatorsRepository } from './operators.repository.ts';

interface Dependencies {
  db: Db;
  clock: Clock;
  mail: MailService;
  links: LinksService;
  sessions: SessionsService;
  audit: AuditService;
}

export const invitationValidity = hours(48);

/** The operator who acts, as the guard put them on the request. */
export interface ActingOperator {
  operatorId: string;
  name: string;
  actor: AuditActor;
}

export function createOperatorStaff({ db, clock, mail, links, sessions, audit }: Dependencies) {
  const repository = createOperatorsRepository(db);
  const now = () => clock.now().toISOString();

  async function found(executor: Db, operatorId: string) {
    const operator = await repository.findById(operatorId, executor);
    if (!operator) throw new AppError('NOT_FOUND');
    return operator;
  }

  async function sendInvitation(
    executor: Db,
    operator: { id: string; name: string; email: string; locale: string; roles: string },
    inviterName: string,
  ) {
    const link = await links.issueLink(executor, {
      purpose: 'operator_invitation',
      operatorId: operator.id,
      validForMs: invitationValidity,
    });
    const locale = operator.locale as Locale;
    const t = translator(locale);
    await mail.enqueueEmail(executor, {
      to: operator.email,
      greet: { name: operator.name },
      locale,
      template: 'operatorInvitation',
      params: {
        inviterName,
        roles: parseOperatorRoles(operator.roles)
          .map((role) => t(`operatorRoleNames.${role}`))
          .join(', '),
        acceptUrl: link.url,
      },
    });
  }

  const record = (
    executor: Db,
    by: ActingOperator,
    action: string,
    operatorId: string,
    details?: Record<string, unknown>,
  ) =>
    audit.record(executor, {
      actor: by.actor,
      accountId: null,
      action,
      target: { type: 'operator', id: operatorId },
      details,
    });

  return {
    async list() {
      const rows = await repository.listWithSecondFactor();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        locale: row.locale as Locale,
        roles: parseOperatorRoles(row.roles),
        status: row.status,
        twoFactor: row.twoFactorConfirmedAt !== null,
        createdAt: row.createdAt,
      }));
    },

    async invite(
      invitee: { name: string; email: string; roles: OperatorRole[]; locale: Locale },
      by: ActingOperator,
    ) {
      const email = invitee.email.trim().toLowerCase();
      const operator = {
        id: newId(),
        name: invitee.name.trim(),
        email,
        locale: invitee.locale,
        roles: JSON.stringify(invitee.roles),
      };
      await db.transaction().execute(async (transaction) => {
        assertThat(!(await repository.findByEmail(email, transaction)), operatorErrors.OPERATOR_EMAIL_TAKEN);
        // No password until the invitation is accepted: nobody can sign in with the address before.
        await repository.insert(transaction, {
          ...operator,
          passwordHash: '',
          status: 'invited',
          createdAt: now(),
          updatedAt: now(),
        });
        await sendInvitation(transaction, operator, by.name);
        await record(transaction, by, 'operator.invited', operator.id, { roles: invitee.roles });
      });
      return operator.id;
    },

    /** A new link for an invitation not yet accepted; the old one stops working. */
    async resendInvitation(operatorId: string, by: ActingOperator) {
      await db.transaction().execute(async (transaction) => {
        const operator = await found(transaction, operatorId);
        assertThat(operator.status === 'invited', operatorErrors.OPERATOR_NOT_INVITED);
        await sendInvitation(transaction, operator, by.name);
        await record(transaction, by, 'operator.invitation_resent', operatorId);
      });
    },

    /** Whose invitation the link is, for the page that accepts it. */
    async checkInvitation(token: string) {
      const { operatorId } = await links.checkOperatorLink(token, 'operator_invitation');
      const operator = await repository.findById(operatorId);
      if (operator?.status !== 'invited') throw new AppError(linkErrors.LINK_INVALID);
      return { name: operator.name, email: operator.email };
    },

    async acceptInvitation(options: { token: string; password: string; ipAddress: string }) {
      const { name, email } = await this.checkInvitation(options.token);
      assertPasswordAcceptable(options.password, [name, email]);
      const passwordHash = await hashPassword(options.password);
      await db.transaction().execute(async (transaction) => {
        const { operatorId } = await links.consumeOperatorLink(
          transaction,
          options.token,
          'operator_invitation',
        );
        if (!(await repository.activate(transaction, operatorId, passwordHash, now())))
          throw new AppError(linkErrors.LINK_INVALID);
        const self = { type: 'operator' as const, id: operatorId, ipAddress: options.ipAddress };
        await audit.record(transaction, {
          actor: self,
          accountId: null,
          action: 'operator.joined',
          target: { type: 'operator', id: operatorId },
        });
      });
      return { email };
    },

    async setRoles(operatorId: string, roles: OperatorRole[], by: ActingOperator) {
      return db.transaction().execute(async (transaction) => {
        await repository.lockStaff(transaction);
        const operator = await found(transaction, operatorId);
        const before = parseOperatorRoles(operator.roles);
        const losesAdmin = before.includes('admin') && !roles.includes('admin');
        if (losesAdmin && operator.status === 'active')
          assertThat(
            (await repository.activeAdmins(transaction)).some((admin) => admin.id !== operatorId),
            operatorErrors.LAST_OPERATOR_ADMIN,
          );
        await repository.setRoles(transaction, operatorId, JSON.stringify(roles), now());
        await record(transaction, by, 'operator.roles_changed', operatorId, { roles, before });
        return roles;
      });
    },

    /** Every session of the operator ends in the same transaction: the next request is signed out. */
    async disable(operatorId: string, by: ActingOperator) {
      assertThat(operatorId !== by.operatorId, operatorErrors.OPERATOR_CANNOT_DISABLE_SELF);
      await db.transaction().execute(async (transaction) => {
        const operator = await found(transaction, operatorId);
        if (operator.status === 'disabled') return;
        await repository.setStatus(transaction, operatorId, 'disabled', now());
        await sessions.endOperatorSessions(operatorId, transaction);
        await record(transaction, by, 'operator.disabled', operatorId);
      });
    },

    /** Back as they were: active with their password, or invited again if they never accepted. */
    async enable(operatorId: string, by: ActingOperator) {
      await db.transaction().execute(async (transaction) => {
        const operator = await found(transaction, operatorId);
        if (operator.status !== 'disabled') return;
        const status = operator.passwordHash === '' ? 'invited' : 'active';
        await repository.setStatus(transaction, operatorId, status, now());
        await record(transaction, by, 'operator.enabled', operatorId);
      });
    },

    twoFactorPolicy: async () => ({ required: await repository.secondFactorRequired() }),

    /**
     * Only an operator with a second factor may demand it of all (nobody locks the door behind them); the
     * sessions of operators without one end, so they enrol at their next sign-in.
     */
    async setTwoFactorPolicy(required: boolean, by: ActingOperator) {
      await db.transaction().execute(async (transaction) => {
        const staff = await repository.listWithSecondFactor(transaction);
        const withoutSecondFactor = staff.filter((row) => row.twoFactorConfirmedAt === null);
        if (required) {
          assertThat(
            !withoutSecondFactor.some((row) => row.id === by.operatorId),
            operatorErrors.OPERATOR_TWO_FACTOR_FIRST,
          );
          for (const row of withoutSecondFactor) await sessions.endOperatorSessions(row.id, transaction);
        }
        await repository.setSecondFactorRequired(transaction, required, now());
        await audit.record(transaction, {
          actor: by.actor,
          accountId: null,
          action: 'operator.two_factor_policy_changed',
          details: { required },
        });
      });
      return { required };
    },
  };
}

export type OperatorStaff = ReturnType<typeof createOperatorStaff>;
