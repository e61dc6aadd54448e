import type { Transaction } from 'kysely';
import { loose } from '../../store/record-table.js';
import type { Database } from '../../store/schema.js';

/**
 * The studio's open print batch, for a letter being written in `trx` to join; one is opened when
 * there is none. Touching the batch row (rather than only reading it) holds its lock until the
 * letter's transaction ends, so printing, which closes the batch with an update first, waits for
 * the letter and then prints it; a batch closed meanwhile is passed over for a new one.
 */
export async function openPrintBatchFor(
  trx: Transaction<Database>,
  studioId: number,
  now: Date,
): Promise<number> {
  const db = loose(trx);
  const at = now.toISOString();
  const open = await db
    .selectFrom('print_batches')
    .select('id')
    .where('studio_id', '=', studioId)
    .where('state', '=', 'open')
    .orderBy('id')
    .executeTakeFirst();
  if (open) {
    const touched = await db
      .updateTable('print_batches')
      .set({ updated_at: at })
      .where('studio_id', '=', studioId)
      .where('id', '=', open.id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(touched.numUpdatedRows) === 1) return Number(open.id);
  }
  const made = await db
    .insertInto('print_batches')
    .values({
      studio_id: studioId,
      state: 'open',
      printed_at: null,
      printed_by_user_id: null,
      print_count: 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(made.id);
}
