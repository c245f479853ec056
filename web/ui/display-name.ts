import type { CustomerSession } from '../app/session.tsx';

/** "Dr. Erika Mustermann": title, first and last name as the person entered them. */
export function displayName(user: Pick<CustomerSession['user'], 'title' | 'firstName' | 'lastName'>): string {
  return [user.title, user.firstName, user.lastName].filter(Boolean).join(' ');
}
