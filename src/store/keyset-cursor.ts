import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';

/**
 * Keyset cursors of lists: where the previous page ended (the sort value and id of its last row)
 * and under which sort, since a position means nothing under another one. Cursors are opaque to
 * callers (base64url JSON) and checked when they come back: a forged value of the wrong type must
 * not reach SQL.
 */
export type Cursor = { s: string; v: string | number | null; id: number };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Eb = ExpressionBuilder<any, any>;

/**
 * The rows after the cursor in the list's order: by the column (NULLs last ascending, first
 * descending), then by id in the same direction.
 */
export function afterCursor(
  eb: Eb,
  column: string,
  cursor: Cursor,
  descending: boolean,
): Expression<SqlBool> {
  const { v, id } = cursor;
  if (!descending) {
    if (v === null) return eb.and([eb(column, 'is', null), eb('id', '>', id)]);
    return eb.or([
      eb(column, '>', v),
      eb.and([eb(column, '=', v), eb('id', '>', id)]),
      eb(column, 'is', null),
    ]);
  }
  if (v === null)
    return eb.or([eb.and([eb(column, 'is', null), eb('id', '<', id)]), eb(column, 'is not', null)]);
  return eb.or([eb(column, '<', v), eb.and([eb(column, '=', v), eb('id', '<', id)])]);
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** A cursor's parts, or null when the text is not a cursor or its value does not fit the sort. */
export function decodeCursor(text: string, valueType: 'number' | 'string'): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { s, v, id } = value as Record<string, unknown>;
    if (typeof s !== 'string' || !Number.isSafeInteger(id)) return null;
    if (v !== null && typeof v !== valueType) return null;
    if (typeof v === 'number' && !Number.isSafeInteger(v)) return null;
    if (typeof v === 'string' && v.includes('\u0000')) return null;
    return { s, v: v as string | number | null, id: id as number };
  } catch {
    return null;
  }
}
