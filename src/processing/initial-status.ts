import type { Transaction } from 'kysely';
import { loose, type LooseRow } from '../store/record-table.js';
import type { Database } from '../store/schema.js';

/**
 * The status a record created by an action starts in: the kind's active initial status, one scoped
 * to the record's type before an unscoped one, the first by sort order; null when the catalog
 * marks none initial (the record then starts without a status, as a hand-made one may).
 */
export async function initialStatusId(
  trx: Transaction<Database>,
  studioId: number,
  kind: string,
  typeId: number | null,
): Promise<number | null> {
  const rows = (await loose(trx)
    .selectFrom('statuses')
    .select(['id', 'scope_type_id'])
    .where('studio_id', '=', studioId)
    .where('kind', '=', kind)
    .where('is_initial', '=', 1)
    .where('is_inactive', '=', 0)
    .where((eb) =>
      typeId === null
        ? eb('scope_type_id', 'is', null)
        : eb.or([eb('scope_type_id', 'is', null), eb('scope_type_id', '=', typeId)]),
    )
    .orderBy('sort_order')
    .execute()) as LooseRow[];
  const scoped = rows.find((r) => r.scope_type_id != null);
  return Number((scoped ?? rows[0])?.id ?? NaN) || null;
}
