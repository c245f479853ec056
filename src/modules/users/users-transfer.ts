// U8: the account's users out as CSV and in from CSV. An import first shows every row with its problems
// and changes nothing; confirmed, it creates all rows or none, within the seat limit. The role column is
// honoured: an admin row creates a user with the admin right (which needs an e-mail address).

import type { Locale } from '../../config.ts';
import type { Db } from '../../db/kysely.ts';
import type { Role } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AdminContext, Members } from './members.ts';
import { type Person, personal } from './personal-data.ts';
import { userErrors } from './users.errors.ts';
import type { UsersService } from './users.service.ts';
import {
  type CsvColumn,
  columnOfHeader,
  columnTitle,
  formatCsv,
  parseCsv,
  roleOfCell,
  salutationOfCell,
} from './users-csv.ts';

export interface RowProblem {
  field: string;
  code: string;
  limit?: number;
}

const required = new Set(['username', 'firstName', 'lastName']);
const limits = { username: 100, firstName: 100, lastName: 100, title: 50 } as const;

/** The checks the API schema makes on a person's data, for rows that arrive as CSV instead. */
function rowProblems(data: Person): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const [field, max] of Object.entries(limits) as [keyof typeof limits, number][]) {
    const text = data[field] ?? '';
    if (required.has(field) && text === '') problems.push({ field, code: 'required' });
    else if (text.length > max) problems.push({ field, code: 'maxLength', limit: max });
    else if ([...text].some((character) => character < ' ' || character === '\u007f')) {
      problems.push({ field, code: 'pattern' });
    }
  }
  if (data.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(data.email))
    problems.push({ field: 'email', code: 'email' });
  return problems;
}

export function createUsersTransfer({
  db,
  users,
  members,
}: {
  db: Db;
  users: UsersService;
  members: Members;
}) {
  const repository = users.repository;

  return {
    /** U8: every user of the account as CSV, in the caller's language. */
    async exportUsers(accountId: string, locale: Locale): Promise<string> {
      const { items } = await repository.listInAccount({ accountId, limit: 1_000_000, offset: 0 });
      return formatCsv(items, locale);
    },

    async importUsers(context: AdminContext, options: { csv: string; confirm: boolean; locale: Locale }) {
      const [header = [], ...lines] = parseCsv(options.csv);
      const columns = new Map<CsvColumn, number>();
      header.forEach((title, index) => {
        const column = columnOfHeader(title);
        if (column && !columns.has(column)) columns.set(column, index);
      });
      const missingColumns = (['username', 'firstName', 'lastName'] as const).filter(
        (name) => !columns.has(name),
      );
      if (missingColumns.length > 0) {
        throw new AppError(userErrors.IMPORT_COLUMNS_MISSING, {
          params: { columns: missingColumns.map((name) => columnTitle(options.locale, name)).join(', ') },
          details: missingColumns.map((field) => ({ field, code: 'required' })),
        });
      }
      const value = (cells: string[], name: CsvColumn) => (cells[columns.get(name) ?? -1] ?? '').trim();

      return db.transaction().execute(async (transaction) => {
        const seats = await repository.seats(context.accountId, transaction);
        const { items: existing } = await repository.listInAccount(
          { accountId: context.accountId, limit: 1_000_000, offset: 0 },
          transaction,
        );
        const existingNumbers = new Set(existing.map((user) => user.userNumber));
        const seenUsernames = new Set<string>();
        const seenEmails = new Set<string>();
        let newUsers = 0;
        const rows = [];
        for (const [index, cells] of lines.entries()) {
          const salutationText = value(cells, 'salutation');
          const roleText = value(cells, 'role');
          const salutation = salutationText ? salutationOfCell(salutationText) : null;
          const role: Role | undefined = roleText ? roleOfCell(roleText) : 'member';
          const data = personal({
            username: value(cells, 'username'),
            salutation: salutation ?? null,
            title: value(cells, 'title'),
            firstName: value(cells, 'firstName'),
            lastName: value(cells, 'lastName'),
            email: value(cells, 'email'),
          });
          const line = index + 2;
          const shown = { line, ...data, role: role ?? 'member' };
          if (existingNumbers.has(value(cells, 'userNumber'))) {
            rows.push({ ...shown, status: 'exists' as const, errors: [] });
            continue;
          }
          const errors = rowProblems(data);
          if (salutation === undefined) errors.push({ field: 'salutation', code: 'enum' });
          if (role === undefined) errors.push({ field: 'role', code: 'enum' });
          // An account has exactly one owner, who is never made by an import.
          if (role === 'owner') errors.push({ field: 'role', code: userErrors.IMPORT_OWNER_ROLE });
          if (role === 'admin' && !data.email)
            errors.push({ field: 'email', code: userErrors.ADMIN_EMAIL_REQUIRED });
          if (
            data.username &&
            (seenUsernames.has(data.username) ||
              (await repository.usernameTaken(transaction, context.accountId, data.username)))
          ) {
            errors.push({ field: 'username', code: userErrors.USERNAME_TAKEN });
          }
          if (
            data.email &&
            (seenEmails.has(data.email) || (await repository.emailTaken(transaction, data.email)))
          ) {
            errors.push({ field: 'email', code: userErrors.EMAIL_TAKEN });
          }
          seenUsernames.add(data.username);
          if (data.email) seenEmails.add(data.email);
          if (errors.length === 0) {
            newUsers += 1;
            if (seats.used + newUsers > seats.limit)
              errors.push({ field: 'username', code: userErrors.SEAT_LIMIT_REACHED });
          }
          rows.push({ ...shown, status: errors.length ? ('invalid' as const) : ('new' as const), errors });
        }
        const preview = { rows, seats: { used: seats.used, limit: seats.limit }, created: 0 };
        if (!options.confirm) return preview;
        if (rows.some((row) => row.status === 'invalid')) throw new AppError(userErrors.IMPORT_HAS_ERRORS);
        for (const row of rows.filter((candidate) => candidate.status === 'new')) {
          const { line: _line, status: _status, errors: _errors, role: rowRole, ...details } = row;
          await members.addMember(transaction, context, details, {
            role: rowRole === 'admin' ? 'admin' : 'member',
            auditDetails: { imported: true },
          });
          preview.created += 1;
        }
        return preview;
      });
    },
  };
}
