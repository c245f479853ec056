// T2: operators give an account its number block; admins give members an extension and a direct-dial number
// from it; every member reads the company directory. No number twice in an account, none outside the block,
// the main number's extension (0) and the fax number kept free. Every refusal names its field and writes
// nothing; every change is audited in the account.
import type { Db } from '../../db/kysely.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type ErrorDetail } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUniqueViolation } from '../../shared/db-errors.ts';
import { formatName } from '../../shared/names.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import {
  checkedPrefix,
  compactNumber,
  extensionInRange,
  extensionOfNumber,
  formatInBlock,
  formatPrefix,
  mainExtension,
  mainNumberOf,
  type NumberBlock,
  numberOf,
} from './number-block.ts';
import { numbersErrors } from './numbers.errors.ts';
import { createNumbersRepository } from './numbers.repository.ts';

export interface NumbersContext {
  accountId: string;
  actor: AuditActor;
  locale: string;
}

export interface NumberBlockInput {
  prefix: string;
  lastExtension: number;
  faxNumber?: string | null;
}

export interface MemberNumberInput {
  extension: string;
  directDial?: string | null;
}

type BlockRow = Database['numberBlocks'];

const refused = (details: ErrorDetail[], params?: Record<string, string | number>) =>
  new AppError('VALIDATION_FAILED', { details, params });

function blockView(block: BlockRow) {
  return {
    prefix: block.prefix,
    prefixFormatted: formatPrefix(block.prefix),
    lastExtension: block.lastExtension,
    mainNumber: mainNumberOf(block),
    mainNumberFormatted: formatInBlock(block, mainNumberOf(block)),
    faxNumber: block.faxNumber,
    faxNumberFormatted: block.faxNumber ? formatInBlock(block, block.faxNumber) : null,
    updatedAt: block.updatedAt,
  };
}

/** The block an operator asked for, or every field's refusal at once. */
function checkedBlock(input: NumberBlockInput): NumberBlock & { faxNumber: string | null } {
  const checked = checkedPrefix(input.prefix, input.lastExtension);
  if ('error' in checked) {
    throw refused([
      checked.error === 'prefix'
        ? { field: 'prefix', code: numbersErrors.NUMBER_PREFIX_INVALID }
        : { field: 'lastExtension', code: numbersErrors.NUMBER_BLOCK_TOO_LONG },
    ]);
  }
  const block = { prefix: checked.prefix, lastExtension: input.lastExtension };
  if (!input.faxNumber?.trim()) return { ...block, faxNumber: null };
  const faxExtension = extensionOfNumber(block, input.faxNumber);
  if (faxExtension === null) {
    throw refused([{ field: 'faxNumber', code: numbersErrors.FAX_NUMBER_OUTSIDE_BLOCK }], {
      last: block.lastExtension,
    });
  }
  if (faxExtension === mainExtension)
    throw refused([{ field: 'faxNumber', code: numbersErrors.FAX_NUMBER_RESERVED }]);
  return { ...block, faxNumber: numberOf(block, faxExtension) };
}

export function createNumbersService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const repository = createNumbersRepository();
  const now = () => clock.now().toISOString();

  async function blockOf(executor: Db, accountId: string) {
    const block = await repository.findBlock(executor, accountId);
    return block ? blockView(block) : null;
  }

  return {
    /** The operator's view: an account that does not exist is not found. */
    async getBlock(accountId: string) {
      if (!(await repository.accountExists(db, accountId))) throw new AppError('NOT_FOUND');
      return { block: await blockOf(db, accountId) };
    },

    async setBlock(context: NumbersContext, input: NumberBlockInput) {
      if (!(await repository.accountExists(db, context.accountId))) throw new AppError('NOT_FOUND');
      const wanted = checkedBlock(input);
      return db.transaction().execute(async (transaction) => {
        const before = await repository.findBlock(transaction, context.accountId);
        const assigned = await repository.numbersOf(transaction, context.accountId);
        if (wanted.faxNumber && assigned.some((row) => row.directDial === wanted.faxNumber)) {
          throw refused([{ field: 'faxNumber', code: numbersErrors.FAX_NUMBER_TAKEN }]);
        }
        const outside = assigned.filter(
          (row) =>
            !extensionInRange(wanted, row.extension) || extensionOfNumber(wanted, row.directDial) === null,
        );
        if (outside.length > 0) {
          const names = outside.map((row) => `${formatName(row, context.locale)} (${row.extension})`);
          throw new AppError(numbersErrors.NUMBER_BLOCK_EXCLUDES_ASSIGNED, {
            params: { count: outside.length, names: names.join(', ') },
          });
        }
        const at = now();
        const fields = { ...wanted, updatedAt: at };
        if (before) await repository.updateBlock(transaction, context.accountId, fields);
        else
          await repository.insertBlock(transaction, {
            accountId: context.accountId,
            ...fields,
            createdAt: at,
          });
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: before ? 'number_block.changed' : 'number_block.assigned',
          target: { type: 'account', id: context.accountId },
          details: {
            prefix: wanted.prefix,
            lastExtension: wanted.lastExtension,
            faxNumber: wanted.faxNumber,
            ...(before ? { before: { prefix: before.prefix, lastExtension: before.lastExtension } } : {}),
          },
        });
        return {
          block: blockView({ accountId: context.accountId, ...fields, createdAt: before?.createdAt ?? at }),
        };
      });
    },

    async assignNumber(context: NumbersContext, userId: string, input: MemberNumberInput) {
      try {
        return await db.transaction().execute(async (transaction) => {
          const member = await repository.findMember(transaction, context.accountId, userId);
          if (!member) throw new AppError('NOT_FOUND');
          const block = await repository.findBlock(transaction, context.accountId);
          if (!block) throw new AppError(numbersErrors.NUMBER_BLOCK_MISSING);
          const others = (await repository.numbersOf(transaction, context.accountId)).filter(
            (row) => row.userId !== userId,
          );

          const details: ErrorDetail[] = [];
          const { extension } = input;
          if (extension === mainExtension) {
            details.push({ field: 'extension', code: numbersErrors.EXTENSION_RESERVED });
          } else if (!extensionInRange(block, extension)) {
            details.push({ field: 'extension', code: numbersErrors.EXTENSION_OUTSIDE_RANGE });
          } else if (others.some((row) => row.extension === extension)) {
            details.push({ field: 'extension', code: numbersErrors.EXTENSION_TAKEN });
          }
          // Without a number of its own, the member is reached at the prefix + the extension.
          const given = input.directDial?.trim() ? compactNumber(input.directDial) : null;
          const dialExtension = extensionOfNumber(block, given ?? numberOf(block, extension));
          const directDial = dialExtension === null ? null : numberOf(block, dialExtension);
          // A refused extension says all there is to say about the number made from it.
          if (given !== null || details.length === 0) {
            const code =
              directDial === null
                ? numbersErrors.DIRECT_DIAL_OUTSIDE_BLOCK
                : dialExtension === mainExtension || directDial === block.faxNumber
                  ? numbersErrors.DIRECT_DIAL_RESERVED
                  : others.some((row) => row.directDial === directDial)
                    ? numbersErrors.DIRECT_DIAL_TAKEN
                    : null;
            if (code) details.push({ field: 'directDial', code });
          }
          if (details.length > 0 || !directDial) throw refused(details, { last: block.lastExtension });

          const at = now();
          const exists = member.extension !== null;
          await repository.upsertNumber(
            transaction,
            { accountId: context.accountId, userId, extension, directDial, createdAt: at, updatedAt: at },
            exists,
          );
          await audit.record(transaction, {
            actor: context.actor,
            accountId: context.accountId,
            action: 'member_number.assigned',
            target: { type: 'user', id: userId },
            details: {
              extension,
              directDial,
              ...(exists ? { before: { extension: member.extension, directDial: member.directDial } } : {}),
            },
          });
          return { userId, extension, directDial, directDialFormatted: formatInBlock(block, directDial) };
        });
      } catch (error) {
        // Another admin took the extension or number a moment earlier (member_numbers_* unique indexes).
        if (isUniqueViolation(error)) {
          throw refused([{ field: 'extension', code: numbersErrors.EXTENSION_TAKEN }]);
        }
        throw error;
      }
    },

    async removeNumber(context: NumbersContext, userId: string) {
      await db.transaction().execute(async (transaction) => {
        const member = await repository.findMember(transaction, context.accountId, userId);
        if (!member) throw new AppError('NOT_FOUND');
        if (member.extension === null) return;
        await repository.removeNumber(transaction, context.accountId, userId);
        await audit.record(transaction, {
          actor: context.actor,
          accountId: context.accountId,
          action: 'member_number.removed',
          target: { type: 'user', id: userId },
          details: { extension: member.extension, directDial: member.directDial },
        });
      });
    },

    /** The company directory: the main and fax number, and every reachable member, found by name or number. */
    async directory(accountId: string, search: string, locale: string) {
      const block = await repository.findBlock(db, accountId);
      const rows = await repository.directory(db, accountId, search.trim());
      return {
        block: block ? blockView(block) : null,
        items: rows.map((row) => ({
          userId: row.id,
          name: formatName(row, locale),
          email: row.email,
          extension: row.extension,
          directDial: row.directDial,
          directDialFormatted:
            row.directDial && block ? formatInBlock(block, row.directDial) : row.directDial,
        })),
      };
    },
  };
}

export type NumbersService = ReturnType<typeof createNumbersService>;
