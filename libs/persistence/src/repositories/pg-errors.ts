/** PostgreSQL's SQLSTATE for a unique violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; driverError?: { code?: string; constraint?: string }; constraint?: string };
  const code = e?.driverError?.code ?? e?.code;
  if (code !== '23505') return false;
  return constraint === undefined || (e.driverError?.constraint ?? e.constraint) === constraint;
}
