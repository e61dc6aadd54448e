import type { Transaction } from 'kysely';
import { loose } from '../../store/record-table.js';
import type { Database } from '../../store/schema.js';

/**
 * The studio's submit status for web forms (`is_submit`), or null when its catalog has none: the
 * form is then kept as submitted without a status change. Of several, the first in sort order.
 */
export async function submitStatusOf(trx: Transaction<Database>, studioId: number): Promise<number | null> {
  const row = await loose(trx)
    .selectFrom('statuses')
    .select('id')
    .where('studio_id', '=', studioId)
    .where('kind', '=', 'web_form')
    .where('is_submit', '=', 1)
    .where('is_inactive', '=', 0)
    .orderBy('sort_order')
    .orderBy('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}
