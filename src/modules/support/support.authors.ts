// Who writes on the customer's side, as they are now: a member who still holds "open support requests",
// or a contact still allowed to raise requests. A person removed mid-thread can no longer add to it.
import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { SupportAuthorKind } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import { formatName, type PersonName } from '../../shared/names.ts';
import { can, parsePermissions } from '../../shared/permissions.ts';
import { supportErrors } from './support.errors.ts';
import type { SupportRepository } from './support.repository.ts';

export interface CustomerAuthor {
  kind: 'member' | 'contact';
  id: string;
}

export interface Author {
  kind: SupportAuthorKind;
  id: string;
  name: string;
  email: string;
  locale: Locale;
  greet: PersonName | { name: string };
}

/** The author as they are now: a member who still holds the permission, or a contact still allowed. */
export async function customerAuthor(
  repository: SupportRepository,
  executor: Db,
  accountId: string,
  from: CustomerAuthor,
): Promise<Author> {
  const account = await repository.account(executor, accountId);
  const fallback = account.accountLocale as Locale;
  if (from.kind === 'member') {
    const member = await repository.membership(executor, accountId, from.id);
    const grant = member && {
      accountId,
      role: member.role,
      permissions: parsePermissions(member.permissions),
    };
    if (
      !member ||
      !grant ||
      member.status === 'disabled' ||
      !member.email ||
      !can(grant, 'support.open', accountId)
    ) {
      throw new AppError(supportErrors.SUPPORT_AUTHOR_NOT_ALLOWED);
    }
    const locale = (member.locale ?? fallback) as Locale;
    return {
      kind: 'member',
      id: from.id,
      name: formatName(member, locale),
      email: member.email,
      locale,
      greet: member,
    };
  }
  const contact = await repository.contact(executor, accountId, from.id);
  if (contact?.mayOpenRequests !== 1) {
    throw new AppError(supportErrors.SUPPORT_AUTHOR_NOT_ALLOWED);
  }
  const locale = contact.locale as Locale;
  return {
    kind: 'contact',
    id: contact.id,
    name: contact.name,
    email: contact.email,
    locale,
    greet: contact,
  };
}
