import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * True where any of the columns contains the text, ignoring case, with % and _ taken literally;
 * the same SQL on SQLite (which has no default LIKE escape) and PostgreSQL.
 */
export function anyColumnContains(columns: string[], text: string): Expression<SqlBool>[] {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return columns.map((column) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`);
}
