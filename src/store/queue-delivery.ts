import type { Transaction } from 'kysely';
import { loose } from './record-table.js';
import type { Database } from './schema.js';

/**
 * Puts a written communication in the outbox: one queued delivery through `provider`, due at once.
 * Inside the transaction that wrote the communication, so a message is never written unsent or
 * sent unwritten.
 */
export async function queueDelivery(
  trx: Transaction<Database>,
  studioId: number,
  communicationId: number,
  provider: string,
  at: string,
): Promise<void> {
  await loose(trx)
    .insertInto('deliveries')
    .values({
      studio_id: studioId,
      communication_id: communicationId,
      provider,
      state: 'queued',
      reason: null,
      attempts: 0,
      next_attempt_at: at,
      sent_at: null,
      delivered_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
