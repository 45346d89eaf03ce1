/** True when a write failed on a UNIQUE or PRIMARY KEY constraint, on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  // better-sqlite3: SqliteError.code; pg: SQLSTATE 23505 unique_violation.
  return error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || error.code === '23505';
}
