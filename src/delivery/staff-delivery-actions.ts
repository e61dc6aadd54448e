import { conflict, notFound } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import { recordDeliveryTransitions, type DeliveryState } from './delivery-transitions.js';

/**
 * What staff may do to a delivery (SPEC §6 via the delivery issue): retry a failed one (it is queued
 * for now, its attempts kept, so the history shows every try) and cancel a queued one. Each is one
 * guarded update, so a delivery the dispatcher took meanwhile is refused with 409, not changed.
 */
export async function retryDelivery(db: Db, studioId: number, id: number, userId: number | null, now: Date) {
  return moveDelivery(db, studioId, id, userId, now, 'failed', 'queued', 'retried by staff', {
    next_attempt_at: now.toISOString(),
    failed_at: null,
    error_code: null,
  });
}

export async function cancelDelivery(db: Db, studioId: number, id: number, userId: number | null, now: Date) {
  return moveDelivery(db, studioId, id, userId, now, 'queued', 'canceled', 'canceled by staff', {
    canceled_at: now.toISOString(),
  });
}

async function moveDelivery(
  db: Db,
  studioId: number,
  id: number,
  userId: number | null,
  now: Date,
  from: DeliveryState,
  to: DeliveryState,
  reason: string,
  extra: Record<string, unknown>,
) {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const updated = await loose(trx)
      .updateTable('deliveries')
      .set({ state: to, reason, updated_at: at, ...extra })
      .where('studio_id', '=', studioId)
      .where('id', '=', id)
      .where('state', '=', from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const current = await loose(trx)
        .selectFrom('deliveries')
        .select('state')
        .where('studio_id', '=', studioId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!current) throw notFound('Delivery', id);
      throw conflict(`Only a ${from} delivery can be ${to === 'queued' ? 'retried' : to}`, [
        { path: 'state', problem: `is ${String(current.state)}, not ${from}` },
      ]);
    }
    await recordDeliveryTransitions(trx, studioId, [{ deliveryId: id, from, to, reason }], at, userId);
  });
  return deliveryWithHistory(db, studioId, id);
}

/** A delivery with its communication's channel and recipient, and every state change. */
export async function deliveryWithHistory(db: Db, studioId: number, id: number) {
  const delivery = (await loose(db)
    .selectFrom('deliveries as d')
    .innerJoin('communications as c', 'c.id', 'd.communication_id')
    .select([
      'd.id',
      'd.communication_id',
      'd.provider',
      'd.state',
      'd.reason',
      'd.error_code',
      'd.attempts',
      'd.next_attempt_at',
      'd.provider_message_id',
      'd.message_id',
      'd.sent_at',
      'd.delivered_at',
      'd.failed_at',
      'd.canceled_at',
      'd.created_at',
      'c.channel',
      'c.to_address',
      'c.triggered_item_id',
    ])
    .where('d.studio_id', '=', studioId)
    .where('d.id', '=', id)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!delivery) throw notFound('Delivery', id);
  const history = await loose(db)
    .selectFrom('delivery_transitions')
    .select(['at', 'from_state', 'to_state', 'code', 'reason', 'user_id'])
    .where('delivery_id', '=', id)
    .orderBy('id')
    .execute();
  return { ...delivery, history };
}
