import { conflict } from '../domain/errors.js';

/**
 * Recognises constraint violations from either driver. This is the one place that knows the error
 * codes of SQLite and PostgreSQL.
 */
export function constraintKind(error: unknown): 'foreign_key' | 'unique' | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return 'foreign_key';
  // SQLite reports an ON DELETE RESTRICT violation, unlike the deferred NO ACTION one, as raised by
  // a trigger; only the message says it is a foreign key.
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && String(message).startsWith('FOREIGN KEY constraint failed')) {
    return 'foreign_key';
  }
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

/** Rethrows a unique-index violation (two writers racing for one value) as a 409. */
export function uniqueConflict(error: unknown, message: string): never {
  if (constraintKind(error) === 'unique') {
    throw conflict(message, [{ path: '', problem: 'repeats a value that must be unique' }]);
  }
  throw error;
}
