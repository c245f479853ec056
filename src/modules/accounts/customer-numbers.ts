import type { Db } from '../../db/kysely.ts';
import { generateCustomerNumber } from '../../shared/numbers.ts';
import type { createAccountsRepository } from './accounts.repository.ts';

/** A fresh random customer number; the unique index backs this check against a race. */
export async function unusedCustomerNumber(
  repository: ReturnType<typeof createAccountsRepository>,
  executor: Db,
): Promise<string> {
  for (;;) {
    const candidate = generateCustomerNumber();
    if (!(await repository.customerNumberTaken(executor, candidate))) return candidate;
  }
}
