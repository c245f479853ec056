// What an admin may set about a person, normalized the same way whether it arrives as JSON or as CSV.
import type { Locale } from '../../config.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Salutation } from '../../shared/names.ts';
import { normalizeEmail } from './users.service.ts';

export interface PersonalData {
  username: string;
  salutation?: Salutation | null;
  title?: string | null;
  firstName: string;
  lastName: string;
  email?: string | null;
  locale?: Locale | null;
}

const clean = (value: string | null | undefined) => value?.trim() || null;

export function personal(data: PersonalData) {
  return {
    username: data.username.trim(),
    salutation: data.salutation ?? null,
    title: clean(data.title),
    firstName: data.firstName.trim(),
    lastName: data.lastName.trim(),
    email: data.email?.trim() ? normalizeEmail(data.email) : null,
    locale: data.locale ?? null,
  };
}

export type Person = ReturnType<typeof personal>;

export const fieldError = (code: string, field: string) => new AppError(code, { details: [{ field, code }] });
