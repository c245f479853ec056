// C2: what an e-mail is about decides who receives it. The account's primary address (its owner) receives
// every category; members and contacts receive the ones they chose. Shared with the web app.
export const notificationCategories = [
  'general',
  'invoice', // bills and payment reminders
  'product', // orders, access data
  'domain',
  'support', // support requests and their answers
] as const;

export type NotificationCategory = (typeof notificationCategories)[number];

const known = new Set<string>(notificationCategories);
export const isNotificationCategory = (name: string): name is NotificationCategory => known.has(name);

/** The stored JSON array, in catalogue order; names no longer known are dropped. */
export function parseCategories(stored: string): NotificationCategory[] {
  const parsed: unknown = JSON.parse(stored);
  const chosen = new Set(Array.isArray(parsed) ? parsed.map(String) : []);
  return notificationCategories.filter((category) => chosen.has(category));
}

export const storeCategories = (categories: readonly NotificationCategory[]): string =>
  JSON.stringify(notificationCategories.filter((category) => categories.includes(category)));
