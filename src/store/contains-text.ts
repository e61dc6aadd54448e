import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * A case-insensitive substring match in which % and _ are plain characters, the same SQL in SQLite
 * and PostgreSQL (both know `lower` and `like … escape`).
 */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
