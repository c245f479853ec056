import { Type } from 'typebox';
import { categories, category, email, id, line, locale } from '../auth/auth.schemas.ts';

export const contact = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  /** E.164 */
  phone: Type.Union([Type.String(), Type.Null()]),
  /** +49 30 1234567 */
  phoneFormatted: Type.Union([Type.String(), Type.Null()]),
  locale,
  categories,
  mayOpenRequests: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const contactList = Type.Object({ items: Type.Array(contact) });

export const contactBody = Type.Object(
  {
    name: line(200),
    email,
    /** National numbers are read in the account's country. */
    phone: Type.Optional(Type.Union([line(40, 0), Type.Null()])),
    locale,
    categories,
    mayOpenRequests: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const contactParams = Type.Object({ accountId: id, contactId: id });

const recipient = Type.Object({
  /** primary: the account's own address (its owner); member: a user of or invited into the account. */
  kind: Type.Enum(['primary', 'member', 'contact']),
  name: Type.String(),
  email: Type.String(),
  locale,
});

export const routing = Type.Object({
  categories: Type.Array(Type.Object({ category, recipients: Type.Array(recipient) })),
});

export const categoriesBody = Type.Object({ categories }, { additionalProperties: false });
export const myCategories = Type.Object({
  categories,
  /** The owner's address is the account's primary address: it receives every category. */
  primary: Type.Boolean(),
});

export const testNotificationBody = Type.Object({ category }, { additionalProperties: false });
export const testNotificationResult = Type.Object({ recipients: Type.Integer() });

export const unsubscribeParams = Type.Object({
  contactId: id,
  category,
  signature: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }),
});

export const unsubscribePreview = Type.Object({
  email: Type.String(),
  companyName: Type.String(),
  category,
  subscribed: Type.Boolean(),
});
