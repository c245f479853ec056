import { Type } from 'typebox';
import { line } from '../auth/auth.schemas.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);

/** What an operator sets: the prefix, the highest extension and (optionally) the fax number inside the block. */
export const numberBlockBody = Type.Object(
  {
    /** International, with or without spaces: "+49 30 12345". */
    prefix: line(30),
    /** Extensions run 0 … lastExtension: 9 for one digit, 99 for two. */
    lastExtension: Type.Integer({ minimum: 9, maximum: 9999 }),
    /** A number of the block ("+49 30 12345-99"), not the main number; empty or null for none. */
    faxNumber: Type.Optional(Type.Union([line(40, 0), Type.Null()])),
  },
  { additionalProperties: false },
);

export const numberBlock = Type.Object({
  /** E.164 digits: "+493012345". */
  prefix: Type.String(),
  /** "+49 30 12345". */
  prefixFormatted: Type.String(),
  lastExtension: Type.Integer(),
  mainNumber: Type.String(),
  /** "+49 30 12345-0". */
  mainNumberFormatted: Type.String(),
  faxNumber: nullableString,
  faxNumberFormatted: nullableString,
  updatedAt: Type.String(),
});

export const numberBlockResponse = Type.Object({ block: Type.Union([numberBlock, Type.Null()]) });

export const memberNumberBody = Type.Object(
  {
    /** "15"; "0" is the main number's. */
    extension: Type.String({ minLength: 1, maxLength: 6, pattern: '^[0-9]+$' }),
    /** A number of the block; left out, empty or null: the prefix + the extension. */
    directDial: Type.Optional(Type.Union([line(40, 0), Type.Null()])),
  },
  { additionalProperties: false },
);

export const memberNumber = Type.Object({
  userId: Type.String(),
  extension: nullableString,
  directDial: nullableString,
  directDialFormatted: nullableString,
});

export const directoryEntry = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  email: nullableString,
  extension: nullableString,
  directDial: nullableString,
  directDialFormatted: nullableString,
});

export const directoryQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

export const directory = Type.Object({
  block: Type.Union([numberBlock, Type.Null()]),
  items: Type.Array(directoryEntry),
});
