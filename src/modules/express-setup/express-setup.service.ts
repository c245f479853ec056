// T1: the express setup an owner runs after the first sign-in, and the settings it writes. Account-wide
// steps (company greeting, operator) are for those who hold "account.edit"; the rest is each user's own
// (own-settings.ts). Every step checks all its fields, names every refusal, and writes nothing on one.
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../shared/app-error.ts';
import { formatName } from '../../shared/names.ts';
import { formatPhone } from '../../shared/phone.ts';
import {
  checkedGreeting,
  type ExpressSetupContext,
  type ExpressSetupDependencies,
  type GreetingInput,
  phoneView,
} from './express-setup.checks.ts';
import {
  defaultCompanyGreeting,
  defaultRegion,
  defaultVoicemailGreeting,
  localeOr,
} from './express-setup.defaults.ts';
import { expressSetupErrors } from './express-setup.errors.ts';
import { createExpressSetupRepository } from './express-setup.repository.ts';
import type { clientKinds, dateFormats, timeFormats, wizardSteps } from './express-setup.schemas.ts';
import { createOwnSettings } from './own-settings.ts';
import { phoneCatalogue } from './phone-catalogue.ts';

type Step = (typeof wizardSteps)[number];
type ProgressState = 'open' | 'finished' | 'dismissed';

export function createExpressSetupService(dependencies: ExpressSetupDependencies) {
  const { db, clock, audit } = dependencies;
  const repository = createExpressSetupRepository();
  const now = () => clock.now().toISOString();

  /** Everything the wizard and the settings page show, for the signed-in user in the account. */
  async function getExpressSetup({ accountId, userId }: { accountId: string; userId: string }) {
    const account = await repository.account(db, accountId);
    const accountLocale = localeOr(account.locale, 'de');
    const [settings, progress, owner, user, mine, phones] = await Promise.all([
      repository.accountSettings(db, accountId),
      repository.progress(db, accountId),
      repository.owner(db, accountId),
      repository.user(db, userId),
      repository.userSettings(db, accountId, userId),
      repository.phones(db, accountId, userId),
    ]);
    const operatorUser =
      (settings?.operatorUserId && (await repository.accountUser(db, accountId, settings.operatorUserId))) ||
      owner;
    const locale = localeOr(user.locale, accountLocale);
    const region = defaultRegion(account, locale);
    const defaultGreeting = defaultCompanyGreeting(account.name, accountLocale);
    const defaultVoicemail = defaultVoicemailGreeting(user, locale);
    const greetingMode = settings?.greetingMode ?? 'default';
    const voicemailMode = mine?.voicemailMode ?? 'default';
    return {
      progress: {
        step: (progress?.step ?? 'companyGreeting') as Step,
        state: (progress?.state ?? 'open') as ProgressState,
      },
      company: {
        name: account.name,
        greetingMode,
        customGreeting: settings?.customGreeting ?? null,
        defaultGreeting,
        greeting: greetingMode === 'custom' ? (settings?.customGreeting ?? defaultGreeting) : defaultGreeting,
        operator: {
          userId: operatorUser.id,
          name: formatName(operatorUser, accountLocale),
          isDefault: operatorUser.id === owner.id && !settings?.operatorUserId,
        },
      },
      mine: {
        mobilePhone: mine?.mobilePhone ?? null,
        mobilePhoneFormatted: formatPhone(mine?.mobilePhone ?? null),
        landlinePhone: mine?.landlinePhone ?? null,
        landlinePhoneFormatted: formatPhone(mine?.landlinePhone ?? null),
        locale,
        timeZone: mine?.timeZone ?? region.timeZone,
        country: mine?.country ?? region.country,
        dateFormat: (mine?.dateFormat ?? region.dateFormat) as (typeof dateFormats)[number],
        timeFormat: (mine?.timeFormat ?? region.timeFormat) as (typeof timeFormats)[number],
        voicemailMode,
        customVoicemailGreeting: mine?.customVoicemailGreeting ?? null,
        defaultVoicemailGreeting: defaultVoicemail,
        voicemailGreeting:
          voicemailMode === 'custom' ? (mine?.customVoicemailGreeting ?? defaultVoicemail) : defaultVoicemail,
        clientKind: (mine?.clientKind ?? null) as (typeof clientKinds)[number] | null,
      },
      phones: phones.map(phoneView),
      phoneCatalogue: phoneCatalogue.map((maker) => ({ ...maker, models: [...maker.models] })),
    };
  }

  async function currentAccountSettings(executor: Db, accountId: string) {
    const settings = await repository.accountSettings(executor, accountId);
    return {
      accountId,
      greetingMode: settings?.greetingMode ?? ('default' as const),
      customGreeting: settings?.customGreeting ?? null,
      operatorUserId: settings?.operatorUserId ?? null,
    };
  }

  async function setCompanyGreeting(context: ExpressSetupContext, input: GreetingInput) {
    const greeting = checkedGreeting(input);
    await db.transaction().execute(async (transaction) => {
      const before = await currentAccountSettings(transaction, context.accountId);
      // "default" keeps an earlier custom text, so switching back and forth loses nothing.
      const customGreeting = greeting.customText ?? before.customGreeting;
      if (before.greetingMode === greeting.mode && before.customGreeting === customGreeting) return;
      await repository.saveAccountSettings(transaction, {
        ...before,
        greetingMode: greeting.mode,
        customGreeting,
        updatedAt: now(),
      });
      await audit.record(transaction, {
        actor: context.actor,
        accountId: context.accountId,
        action: 'express_setup.company_greeting_changed',
        target: { type: 'account', id: context.accountId },
        details: { mode: greeting.mode },
      });
    });
    return getExpressSetup(context);
  }

  async function setOperator(context: ExpressSetupContext, { userId }: { userId: string }) {
    await db.transaction().execute(async (transaction) => {
      const chosen = await repository.accountUser(transaction, context.accountId, userId);
      if (!chosen) {
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'userId', code: expressSetupErrors.EXPRESS_SETUP_OPERATOR_UNKNOWN }],
        });
      }
      const before = await currentAccountSettings(transaction, context.accountId);
      if (before.operatorUserId === userId) return;
      await repository.saveAccountSettings(transaction, {
        ...before,
        operatorUserId: userId,
        updatedAt: now(),
      });
      await audit.record(transaction, {
        actor: context.actor,
        accountId: context.accountId,
        action: 'express_setup.operator_changed',
        target: { type: 'user', id: userId },
      });
    });
    return getExpressSetup(context);
  }

  /** The wizard's place; finishing, putting off ("later") and starting again are audited, steps are not. */
  async function setProgress(context: ExpressSetupContext, input: { step: Step; state: ProgressState }) {
    await db.transaction().execute(async (transaction) => {
      const before = await repository.progress(transaction, context.accountId);
      const beforeState = before?.state ?? 'open';
      await repository.saveProgress(transaction, {
        accountId: context.accountId,
        ...input,
        updatedAt: now(),
      });
      if (beforeState === input.state) return;
      const action =
        input.state === 'finished' ? 'finished' : input.state === 'dismissed' ? 'dismissed' : 'restarted';
      await audit.record(transaction, {
        actor: context.actor,
        accountId: context.accountId,
        action: `express_setup.${action}`,
        target: { type: 'account', id: context.accountId },
      });
    });
    return getExpressSetup(context);
  }

  return {
    getExpressSetup,
    setCompanyGreeting,
    setOperator,
    setProgress,
    ...createOwnSettings({ ...dependencies, repository, getExpressSetup }),
  };
}

export type ExpressSetupService = ReturnType<typeof createExpressSetupService>;
