// The e-mails that bring a new account's main user in: the welcome of a registration (confirm the address,
// see the access key once) and the provisioned account's activation link. Both can be sent again:
// by the person (the welcome, from the sign-in and check-e-mail pages) or by an operator (either).
import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { NewAccount, NewUser } from '../../db/schema.ts';
import { hours, minutes } from '../../shared/clock.ts';
import type { LinksService } from '../links/index.ts';
import type { MailService } from '../mail/index.ts';
import type { UsersService } from '../users/index.ts';

export const activationLinkValidity = hours(48);
/** "Send again" sends at most one e-mail of a kind per person and two minutes. */
export const resendSpacing = minutes(2);

/** A main user's e-mail: to them, in their language (else the account's), naming the account and numbers. */
function toMainUser(account: NewAccount, user: NewUser) {
  return {
    to: user.email ?? '',
    greet: user,
    locale: (user.locale ?? account.locale) as Locale,
    numbers: {
      companyName: account.name,
      customerNumber: account.customerNumber,
      userNumber: user.userNumber,
    },
  };
}

export function createMainUserLinks({
  links,
  mail,
  users,
}: {
  links: LinksService;
  mail: MailService;
  users: UsersService;
}) {
  return {
    /** The welcome e-mail: confirmation link, numbers, and a link that shows the access key once. */
    async sendWelcome(executor: Db, account: NewAccount, user: NewUser, accessKey?: string) {
      const confirm = await links.issueLink(executor, {
        purpose: 'email_confirmation',
        userId: user.id,
        validForMs: activationLinkValidity,
      });
      // A re-sent welcome shows a new key: the old one's link is gone with the old e-mail.
      const reveal = accessKey
        ? await links.issueLink(executor, {
            purpose: 'credentials_reveal',
            userId: user.id,
            validForMs: activationLinkValidity,
            secret: accessKey,
          })
        : await users.newRevealLink(executor, user.id, activationLinkValidity);
      const { numbers, ...recipient } = toMainUser(account, user);
      await mail.enqueueEmail(executor, {
        ...recipient,
        template: 'registrationWelcome',
        params: { ...numbers, confirmUrl: confirm.url, revealUrl: reveal.url },
      });
    },

    /** S4: a provisioned account's main user activates the access (password, PIN, security question). */
    sendActivation: (executor: Db, user: NewUser) => users.sendActivation(executor, user.id),
  };
}

export type MainUserLinks = ReturnType<typeof createMainUserLinks>;
