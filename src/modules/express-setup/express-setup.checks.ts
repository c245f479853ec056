// T1: the checks and the view the account-wide and the own steps share.
import type { Db } from '../../db/kysely.ts';
import type { ExpressPhonesTable } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import { tidyText } from './express-setup.defaults.ts';
import { expressSetupErrors } from './express-setup.errors.ts';
import { phoneName } from './phone-catalogue.ts';

export interface ExpressSetupContext {
  accountId: string;
  userId: string;
  actor: AuditActor;
}

export interface GreetingInput {
  mode: 'default' | 'custom';
  customText?: string | null;
}

export interface ExpressSetupDependencies {
  db: Db;
  clock: Clock;
  audit: AuditService;
}

/** The custom text to store, or a refusal under `customText` when "custom" has none. */
export function checkedGreeting(input: GreetingInput): {
  mode: 'default' | 'custom';
  customText: string | null;
} {
  const customText = tidyText(input.customText);
  if (input.mode === 'custom' && !customText) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'customText', code: expressSetupErrors.EXPRESS_SETUP_TEXT_BLANK }],
    });
  }
  return { mode: input.mode, customText: customText || null };
}

export const phoneView = (phone: ExpressPhonesTable) => ({
  id: phone.id,
  manufacturer: phone.manufacturer,
  model: phone.model,
  name: phoneName(phone.manufacturer, phone.model),
  macAddress: phone.macAddress,
  serialNumber: phone.serialNumber,
  createdAt: phone.createdAt,
});
