import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';

/**
 * The capture channel: hands queued deliveries of a studio on by keeping them. Each moves to
 * `delivered` with the reason "captured", and its communication stays with its final content for
 * inspection. It stands in for SMTP and SMS providers until those are wired, and stays the channel
 * of sandbox studios after. One statement, so two Control Centers never both take a delivery.
 */
export async function captureDeliveries(db: Db, studioId: number, now: Date): Promise<number> {
  const at = now.toISOString();
  const rows = (await loose(db)
    .updateTable('deliveries')
    .set({
      state: 'delivered',
      reason: 'captured: kept for inspection, not sent to a provider',
      attempts: 1,
      sent_at: at,
      delivered_at: at,
      updated_at: at,
    })
    .where('studio_id', '=', studioId)
    .where('provider', '=', 'capture')
    .where('state', '=', 'queued')
    .where('next_attempt_at', '<=', at)
    .returning('id')
    .execute()) as LooseRow[];
  return rows.length;
}
