// P4: a provider for development and demonstrations. Its answers are sample data derived from the request
// (a SHA-256 of service code and parameters, no randomness: the same request gets the same answer), and
// every answer says it is demo data: `"demo": true` and a notice in the caller's language.
import { createHash } from 'node:crypto';
import { translator } from '../../../shared/i18n.ts';
import { canonicalJson } from '../canonical-json.ts';
import type { ServiceAdapter, ServiceAnswer } from './adapter.ts';

type Parameters = Record<string, unknown>;

class Sample {
  constructor(private readonly digest: Buffer) {}
  byte = (index: number) => this.digest[index % this.digest.length] ?? 0;
  pick = <T>(index: number, list: readonly T[]): T => list[this.byte(index) % list.length] as T;
  number = (index: number, min: number, max: number) =>
    min + (this.digest.readUInt16BE(index % (this.digest.length - 1)) % (max - min + 1));
  hex = (index: number, length: number) =>
    this.digest
      .toString('hex')
      .repeat(2)
      .slice(index * 2, index * 2 + length)
      .toUpperCase();
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 100) : undefined;

const streets = ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Schillerstraße', 'Lindenallee', 'Marktplatz'];
const cities = [
  ['10115', 'Berlin'],
  ['20095', 'Hamburg'],
  ['80331', 'München'],
  ['50667', 'Köln'],
  ['60311', 'Frankfurt am Main'],
  ['04109', 'Leipzig'],
] as const;
const firstNames = ['Anna', 'Jonas', 'Clara', 'Felix', 'Greta', 'Lukas', 'Marie', 'Paul'];
const lastNames = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Koch'];
const legalForms = ['GmbH', 'AG', 'UG (haftungsbeschränkt)', 'KG', 'GmbH & Co. KG'];
const insurers = ['Allianz Versicherungs-AG', 'HUK-COBURG', 'AXA Versicherung AG', 'ERGO Versicherung AG'];

function address(sample: Sample, parameters: Parameters) {
  const [postalCode, city] = sample.pick(3, cities);
  return {
    street: text(parameters.street) ?? sample.pick(1, streets),
    houseNumber: text(parameters.houseNumber) ?? String(sample.number(2, 1, 120)),
    postalCode: text(parameters.postalCode) ?? postalCode,
    city: text(parameters.city) ?? city,
    country: 'DE',
  };
}

const person = (sample: Sample, parameters: Parameters) => ({
  firstName: text(parameters.firstName) ?? sample.pick(4, firstNames),
  lastName: text(parameters.lastName) ?? sample.pick(5, lastNames),
});

/** Sample data by what the service code names; codes are the catalogue's, so matched by their word. */
const answers: [RegExp, (sample: Sample, parameters: Parameters) => ServiceAnswer][] = [
  [
    /address/,
    (sample, parameters) => ({
      found: sample.byte(0) % 5 !== 0,
      address: address(sample, parameters),
      movedAway: sample.byte(6) % 7 === 0,
    }),
  ],
  [
    /person/,
    (sample, parameters) => ({
      person: {
        ...person(sample, parameters),
        birthDate:
          text(parameters.birthDate) ??
          `19${sample.number(7, 40, 99)}-0${sample.number(8, 1, 9)}-${sample.number(9, 10, 28)}`,
        address: address(sample, parameters),
        deceased: sample.byte(10) % 50 === 0,
      },
    }),
  ],
  [
    /company/,
    (sample, parameters) => {
      const { city } = address(sample, parameters);
      return {
        company: {
          name: text(parameters.name) ?? `${sample.pick(5, lastNames)} ${sample.pick(11, legalForms)}`,
          legalForm: sample.pick(11, legalForms),
          register: { court: `Amtsgericht ${city}`, number: `HRB ${sample.number(12, 10000, 99999)}` },
          managingDirectors: [Object.values(person(sample, {})).join(' ')],
          status: sample.byte(13) % 9 === 0 ? 'in_liquidation' : 'active',
          foundedIn: sample.number(14, 1950, 2024),
        },
      };
    },
  ],
  [
    /insur/,
    (sample, parameters) => ({
      letter: {
        insurer: text(parameters.insurer) ?? sample.pick(15, insurers),
        claimNumber: text(parameters.claimNumber) ?? `S-${sample.hex(16, 8)}`,
        reference: `DEMO-${sample.hex(20, 10)}`,
        status: 'delivered',
        expectedReplyWithinDays: sample.number(17, 5, 14),
      },
    }),
  ],
  [
    /sms/,
    (sample, parameters) => ({
      sms: {
        to: text(parameters.to) ?? `+4917${sample.number(18, 10000000, 99999999)}`,
        messageId: `demo-${sample.hex(24, 12).toLowerCase()}`,
        segments: Math.max(1, Math.ceil(String(parameters.text ?? '').length / 160)),
        status: 'accepted',
      },
    }),
  ],
];

export const demoAdapter: ServiceAdapter = {
  async call(request) {
    const digest = createHash('sha256')
      .update(`${request.serviceCode}\n${canonicalJson(request.parameters)}`)
      .digest();
    const sample = new Sample(digest);
    const make = answers.find(([pattern]) => pattern.test(request.serviceCode))?.[1];
    const result = make
      ? make(sample, request.parameters)
      : { received: Object.keys(request.parameters).sort(), sample: sample.hex(0, 12) };
    return { demo: true, notice: translator(request.locale)('usage.demoNotice'), ...result };
  },
};
