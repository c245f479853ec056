import { demoServices, seedDemoCatalogue } from '../modules/catalogue/index.ts';
import { systemClock } from '../shared/clock.ts';
import { loadConfigOrExit, openMigratedDatabase } from './context.ts';

/** Development and demos: the five demo services at 19 % VAT, into an empty catalogue only. */
export async function catalogueSeedDemo(): Promise<void> {
  const config = loadConfigOrExit();
  const db = await openMigratedDatabase(config);
  try {
    const added = await seedDemoCatalogue(db, systemClock);
    if (added === 0) console.log('The catalogue already has services; nothing was added.');
    else
      console.log(`Added ${added} demo services: ${demoServices.map((service) => service.code).join(', ')}.`);
  } finally {
    await db.destroy();
  }
}
