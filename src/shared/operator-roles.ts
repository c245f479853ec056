// Issue 16: the provider's staff hold roles, data like the customers' permissions. Every operator reads the
// whole operator area; a change needs the role of the area it belongs to (http/access.ts).
export const operatorRoles = [
  'admin', // manages operators, the provider's identity and the operators' sign-in policy
  'support', // customer accounts, acting for customers, support requests, caller identification, remote support
  'billing', // services, prices, invoice runs, payments
  'auditor', // reads everything, changes nothing
] as const;

export type OperatorRole = (typeof operatorRoles)[number];

const catalogue = new Set<string>(operatorRoles);
export const isOperatorRole = (name: string): name is OperatorRole => catalogue.has(name);

/** The stored JSON array; names no longer in the catalogue grant nothing. */
export function parseOperatorRoles(stored: string): OperatorRole[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? operatorRoles.filter((role) => parsed.includes(role)) : [];
}
