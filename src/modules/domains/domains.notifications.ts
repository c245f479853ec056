// D2: every change to a domain raises an e-mail of the "domain" category, in each recipient's language:
// what changed, on which domain, and the record as the zone now has it.
import { domainToUnicode } from 'node:url';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import { translator } from '../../shared/i18n.ts';
import type { NotificationEvent } from '../contacts/notifications.ts';

export type DomainChange =
  | { action: 'domain.added' | 'domain.changed' | 'domain.removed' }
  | { action: 'dns_record.added' | 'dns_record.changed' | 'dns_record.removed'; record: string };

interface DomainFacts {
  id: string;
  name: string;
  registrantOrganisation: string | null;
  registrantFirstName: string;
  registrantLastName: string;
  redirectKind: 'ip' | 'url' | null;
  redirectTarget: string | null;
}

export async function domainNotice(
  executor: Db,
  {
    config,
    domain,
    change,
    accountId,
  }: { config: Config; domain: DomainFacts; change: DomainChange; accountId: string },
): Promise<NotificationEvent<'domainChanged'>> {
  const account = await executor
    .selectFrom('accounts')
    .select(['name', 'customerNumber'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const registrant =
    domain.registrantOrganisation ?? `${domain.registrantFirstName} ${domain.registrantLastName}`;
  const shownName = domainToUnicode(domain.name) || domain.name;
  return {
    accountId,
    category: 'domain',
    template: 'domainChanged',
    params: (locale) => {
      const t = translator(locale);
      const detail =
        'record' in change
          ? change.record
          : [
              `${t('email.domainChanged.registrant')}: ${registrant}`,
              `${t('email.domainChanged.redirect')}: ${domain.redirectTarget ?? t('email.domainChanged.noRedirect')}`,
            ].join(' · ');
      return {
        companyName: account.name,
        customerNumber: account.customerNumber,
        domain: shownName,
        change: t(`email.domainChanged.changes.${change.action}`),
        detail,
        domainUrl: new URL(
          change.action === 'domain.removed' ? '/account/domains' : `/account/domains/${domain.id}`,
          config.publicUrl,
        ).href,
      };
    },
  };
}
