import { type Expression, type SqlBool, sql } from 'kysely';
import { foldings } from '../shared/search-text.ts';

/**
 * True where the folded search column (see shared/search-text.ts) contains the text in any of its foldings,
 * with % and _ taken literally; the same SQL on SQLite (which has no default LIKE escape) and PostgreSQL.
 */
export function searchMatches(column: string, text: string): Expression<SqlBool>[] {
  return foldings(text.trim()).map((folded) => {
    const pattern = `%${folded.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
  });
}
