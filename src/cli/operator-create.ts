import { createAuditService } from '../modules/audit/index.ts';
import { createLinksService } from '../modules/links/index.ts';
import { createOperatorsService } from '../modules/operators/index.ts';
import { createProviderService } from '../modules/provider/index.ts';
import { createSessionsService } from '../modules/sessions/index.ts';
import { createSignInThrottle } from '../modules/sign-in-throttle/index.ts';
import { createTwoFactorService } from '../modules/two-factor/index.ts';
import { systemClock } from '../shared/clock.ts';
import { loadConfigOrExit, mailService, openMigratedDatabase } from './context.ts';

export async function operatorCreate(): Promise<void> {
  const config = loadConfigOrExit();
  const db = await openMigratedDatabase(config);
  try {
    const clock = systemClock;
    const mail = mailService(db, config);
    const sessions = createSessionsService({ db, clock });
    const throttle = createSignInThrottle({ db, clock });
    const links = createLinksService({ db, clock, config });
    const audit = createAuditService({ db, clock });
    const provider = createProviderService({ db, clock, config, audit });
    const twoFactor = createTwoFactorService({ db, clock, audit, provider, throttle });
    const operators = createOperatorsService({
      db,
      clock,
      config,
      mail,
      sessions,
      throttle,
      links,
      twoFactor,
    });
    const link = await operators.issueOperatorSetupLink();
    console.log(`Open this link to create an operator (valid until ${link.expiresAt}, single use):`);
    console.log(`  ${link.url}`);
  } finally {
    await db.destroy();
  }
}
