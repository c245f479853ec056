import { Type } from 'typebox';
import { id, line } from '../auth/auth.schemas.ts';

/** The wizard's steps in order; the progress names the one it opens at. */
export const wizardSteps = [
  'companyGreeting',
  'operator',
  'myInformation',
  'phones',
  'voicemail',
  'client',
  'done',
] as const;
export const dateFormats = ['DD.MM.YYYY', 'YYYY.MM.DD', 'YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export const timeFormats = ['24h', '12h'] as const;
export const clientKinds = ['desktop_app', 'mobile_app', 'browser'] as const;
export const greetingLimit = 500;

const greetingMode = Type.Enum(['default', 'custom']);
/** Plain text read out to callers: one paragraph, no control characters (and so no line breaks). */
const greetingText = Type.Union([line(greetingLimit, 0), Type.Null()]);

export const greetingBody = Type.Object(
  {
    mode: greetingMode,
    /** Required for "custom"; ignored (kept for later) for "default". */
    customText: Type.Optional(greetingText),
  },
  { additionalProperties: false },
);

export const operatorBody = Type.Object({ userId: id }, { additionalProperties: false });

export const myInformationBody = Type.Object(
  {
    /** International (+49 151 …) or national in the chosen country; empty or null: none. */
    mobilePhone: Type.Union([line(40, 0), Type.Null()]),
    landlinePhone: Type.Union([line(40, 0), Type.Null()]),
    locale: Type.Enum(['de', 'en', 'hu']),
    /** IANA, e.g. Europe/Berlin. */
    timeZone: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+/-]+$' }),
    /** ISO 3166-1 alpha-2; "de" is taken as "DE". */
    country: Type.String({ minLength: 2, maxLength: 2, pattern: '^[A-Za-z]{2}$' }),
    dateFormat: Type.Enum([...dateFormats]),
    timeFormat: Type.Enum([...timeFormats]),
  },
  { additionalProperties: false },
);

export const phoneBody = Type.Object(
  {
    manufacturer: Type.String({ minLength: 1, maxLength: 40 }),
    model: Type.String({ minLength: 1, maxLength: 40 }),
    /** Any of AA-BB-CC-DD-EE-FF, aa:bb:cc:dd:ee:ff, aabb.ccdd.eeff, aabbccddeeff. */
    macAddress: Type.Optional(Type.Union([line(40, 0), Type.Null()])),
    serialNumber: Type.Optional(
      Type.Union([Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9 ./_-]*$' }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);

export const clientBody = Type.Object({ kind: Type.Enum([...clientKinds]) }, { additionalProperties: false });

export const progressBody = Type.Object(
  { step: Type.Enum([...wizardSteps]), state: Type.Enum(['open', 'finished', 'dismissed']) },
  { additionalProperties: false },
);

export const phoneParams = Type.Object({ accountId: id, phoneId: id });

const nullableString = Type.Union([Type.String(), Type.Null()]);

export const progress = Type.Object({
  step: Type.Enum([...wizardSteps]),
  /** "open" until the wizard is finished or put off ("later"); the owner is sent to it while open. */
  state: Type.Enum(['open', 'finished', 'dismissed']),
});

export const phone = Type.Object({
  id: Type.String(),
  manufacturer: Type.String(),
  model: Type.String(),
  /** "Yealink T54W". */
  name: Type.String(),
  /** AA:BB:CC:DD:EE:FF. */
  macAddress: nullableString,
  serialNumber: nullableString,
  createdAt: Type.String(),
});

export const expressSetup = Type.Object({
  progress,
  company: Type.Object({
    name: Type.String(),
    greetingMode,
    customGreeting: nullableString,
    /** Built from the company name, in the account's language. */
    defaultGreeting: Type.String(),
    /** What callers hear now. */
    greeting: Type.String(),
    operator: Type.Object({
      userId: Type.String(),
      name: Type.String(),
      /** True while nobody was chosen: the owner takes the calls. */
      isDefault: Type.Boolean(),
    }),
  }),
  mine: Type.Object({
    /** E.164 and as people write it internationally. */
    mobilePhone: nullableString,
    mobilePhoneFormatted: nullableString,
    landlinePhone: nullableString,
    landlinePhoneFormatted: nullableString,
    locale: Type.Enum(['de', 'en', 'hu']),
    timeZone: Type.String(),
    country: Type.String(),
    dateFormat: Type.Enum([...dateFormats]),
    timeFormat: Type.Enum([...timeFormats]),
    voicemailMode: greetingMode,
    customVoicemailGreeting: nullableString,
    /** With the user's name, in their language. */
    defaultVoicemailGreeting: Type.String(),
    voicemailGreeting: Type.String(),
    clientKind: Type.Union([Type.Enum([...clientKinds]), Type.Null()]),
  }),
  phones: Type.Array(phone),
  phoneCatalogue: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      models: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    }),
  ),
});
