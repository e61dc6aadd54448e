import type { Db } from '../store/database.js';
import { loose } from '../store/record-table.js';

export type DeliveryState = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'canceled';

export interface DeliveryTransition {
  readonly deliveryId: number;
  readonly from: DeliveryState | null;
  readonly to: DeliveryState;
  readonly reason: string;
  readonly code?: string | null;
}

/** Writes state changes of deliveries with their time, reason, provider code and person. */
export async function recordDeliveryTransitions(
  db: Db,
  studioId: number,
  transitions: readonly DeliveryTransition[],
  at: string,
  userId: number | null = null,
): Promise<void> {
  for (let i = 0; i < transitions.length; i += 500) {
    const chunk = transitions.slice(i, i + 500);
    if (chunk.length === 0) continue;
    await loose(db)
      .insertInto('delivery_transitions')
      .values(
        chunk.map((t) => ({
          studio_id: studioId,
          delivery_id: t.deliveryId,
          at,
          from_state: t.from,
          to_state: t.to,
          code: t.code ?? null,
          reason: t.reason,
          user_id: userId,
        })),
      )
      .execute();
  }
}
