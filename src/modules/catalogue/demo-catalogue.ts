// A catalogue to try Kontor with (`kontor catalogue seed-demo`): the services of seed 000 on the demo adapter,
// with plausible net prices at 19 % VAT from now. Only an empty catalogue is filled, so it never duplicates
// or changes what operators entered.
import type { Db } from '../../db/kysely.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/tokens.ts';
import { createCatalogueRepository } from './catalogue.repository.ts';
import type { ServiceUnit } from './catalogue.schemas.ts';

export const demoServices: {
  code: string;
  names: { de: string; en: string; hu: string };
  unit: ServiceUnit;
  netCents: number;
}[] = [
  {
    code: 'address-lookup',
    names: { de: 'Adressermittlung', en: 'Address look-up', hu: 'Címkeresés' },
    unit: 'request',
    netCents: 35,
  },
  {
    code: 'person-information',
    names: { de: 'Personenauskunft', en: 'Person information', hu: 'Személyes adatok lekérdezése' },
    unit: 'request',
    netCents: 120,
  },
  {
    code: 'company-information',
    names: { de: 'Firmenauskunft', en: 'Company information', hu: 'Cégadatok lekérdezése' },
    unit: 'request',
    netCents: 250,
  },
  {
    code: 'insurer-correspondence',
    names: {
      de: 'Versicherer-Korrespondenz',
      en: 'Insurer correspondence',
      hu: 'Levelezés biztosítókkal',
    },
    unit: 'message',
    netCents: 90,
  },
  { code: 'sms', names: { de: 'SMS-Versand', en: 'SMS', hu: 'SMS-küldés' }, unit: 'message', netCents: 9 },
];

/** Fills an empty catalogue with the demo services; returns how many it added (0 when there were any). */
export async function seedDemoCatalogue(db: Db, clock: Clock): Promise<number> {
  const repository = createCatalogueRepository();
  const at = clock.now().toISOString();
  return db.transaction().execute(async (transaction) => {
    if ((await repository.listServices(transaction)).length > 0) return 0;
    for (const demo of demoServices) {
      const id = newId();
      await repository.insertService(transaction, {
        id,
        code: demo.code,
        nameDe: demo.names.de,
        nameEn: demo.names.en,
        nameHu: demo.names.hu,
        unit: demo.unit,
        adapter: 'demo',
        providerUrl: null,
        active: 1,
        createdAt: at,
        updatedAt: at,
      });
      await repository.insertPrice(transaction, {
        id: newId(),
        serviceId: id,
        netCents: demo.netCents,
        vatRateBp: 1900,
        validFrom: at,
        createdAt: at,
      });
    }
    return demoServices.length;
  });
}
