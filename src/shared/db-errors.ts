/**
 * A unique index refused a row: PostgreSQL's SQLSTATE 23505 or SQLite's constraint code. A race the
 * service checked for and lost, which it then names as the conflict it is instead of a crash.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
