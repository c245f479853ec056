// S4: the activation e-mail. A provisioned account's main user gets the provider's "your account is ready",
// a user an admin creates gets "activate your access"; both carry a link that works once and for 48 hours,
// and a new one revokes the old (the old link then says it was replaced).
import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { hours } from '../../shared/clock.ts';
import type { LinksService } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import type { UsersRepository } from './users.repository.ts';

export const activationLinkValidity = hours(48);

export async function sendActivation(
  { repository, links, mail }: { repository: UsersRepository; links: LinksService; mail: MailService },
  executor: Db,
  userId: string,
): Promise<{ sentTo: string; expiresAt: string }> {
  const user = await repository.activationRecipient(executor, userId);
  if (!user?.email) throw new Error(`user ${userId} has no address for an activation e-mail`);
  const link = await links.issueLink(executor, {
    purpose: 'activation',
    userId,
    validForMs: activationLinkValidity,
  });
  const numbers = {
    companyName: user.accountName,
    customerNumber: user.customerNumber,
    userNumber: user.userNumber,
    activationUrl: link.url,
  };
  const recipient = { to: user.email, greet: user, locale: (user.locale ?? user.accountLocale) as Locale };
  if (user.role === 'owner') {
    await mail.enqueueEmail(executor, { ...recipient, template: 'accountProvisioned', params: numbers });
  } else {
    await mail.enqueueEmail(executor, {
      ...recipient,
      template: 'userActivation',
      params: { ...numbers, username: user.username },
    });
  }
  return { sentTo: user.email, expiresAt: link.expiresAt };
}
