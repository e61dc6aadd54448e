import { conflict } from '../domain/errors.js';

/**
 * Recognises constraint violations from either driver. This is the one place that knows the error
 * codes of SQLite and PostgreSQL.
 */
export function constraintKind(error: unknown): 'foreign_key' | 'unique' | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return 'foreign_key';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') {
    return 'unique';
  }
  return null;
}

/** Rethrows a foreign-key violation on delete as a 409 that says what to do instead. */
export function deleteConflict(error: unknown, what: string, instead: string): never {
  if (constraintKind(error) === 'foreign_key') {
    throw conflict(`${what} is still in use by other records; ${instead}`, [
      { path: '', problem: 'is referred to by other records' },
    ]);
  }
  throw error;
}
