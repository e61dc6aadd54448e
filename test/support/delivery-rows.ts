import { openPrintBatchFor } from '../../src/delivery/print/open-print-batch.js';
import type { Db } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';

/**
 * A letter in the studio's open print batch and an open call on its call list, written the way
 * processing writes them, for tests that only need the rows to exist (e.g. studio isolation).
 */
export async function insertLetterAndCall(
  db: Db,
  studioId: number,
  clientId: number,
  userId: number,
  at: Date,
): Promise<{ batchId: number; callId: number }> {
  const stamp = at.toISOString();
  const base = {
    studio_id: studioId,
    direction: 'outbound',
    purpose: 'message',
    client_id: clientId,
    created_at: stamp,
    updated_at: stamp,
  };
  const batchId = await db.transaction().execute(async (trx) => {
    const id = await openPrintBatchFor(trx, studioId, at);
    await loose(trx)
      .insertInto('communications')
      .values({ ...base, channel: 'letter', to_address: 'Ada Lovelace\n1 Main St', print_batch_id: id })
      .execute();
    return id;
  });
  const call = await loose(db)
    .insertInto('communications')
    .values({ ...base, channel: 'phone_call', to_address: '+12025550166', assigned_user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { batchId, callId: Number(call.id) };
}
