import type { Db } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';

export interface QueuedSms {
  readonly deliveryId: number;
  /** Each message has a recipient of its own, so what the provider received tells them apart. */
  readonly to: string;
}

/**
 * `count` SMS of a studio queued for the `twilio` provider and due at `at`, each to a number of its
 * own, written as processing writes them (a communication with one delivery). Inserted directly and
 * in bulk: the tests that use them are about the dispatcher, and hundreds of processed triggers
 * would only slow them down.
 */
export async function queueSmsDeliveries(
  db: Db,
  studioId: number,
  count: number,
  at: Date,
): Promise<QueuedSms[]> {
  const stamp = at.toISOString();
  const queued: QueuedSms[] = [];
  for (let start = 0; start < count; start += 100) {
    const numbers = Array.from(
      { length: Math.min(100, count - start) },
      (_, i) => `+1202555${String(start + i).padStart(4, '0')}`,
    );
    const communications = await loose(db)
      .insertInto('communications')
      .values(
        numbers.map((to) => ({
          studio_id: studioId,
          channel: 'sms',
          direction: 'outbound',
          purpose: 'message',
          to_address: to,
          from_address: '+12025550100',
          body_text: `Your session is tomorrow at 10:00 (${to}).`,
          created_at: stamp,
          updated_at: stamp,
        })),
      )
      .returning(['id', 'to_address'])
      .execute();
    const deliveries = await loose(db)
      .insertInto('deliveries')
      .values(
        communications.map((c) => ({
          studio_id: studioId,
          communication_id: c.id,
          provider: 'twilio',
          state: 'queued',
          attempts: 0,
          next_attempt_at: stamp,
          created_at: stamp,
          updated_at: stamp,
        })),
      )
      .returning(['id', 'communication_id'])
      .execute();
    const toOf = new Map(communications.map((c) => [Number(c.id), String(c.to_address)]));
    for (const d of deliveries)
      queued.push({ deliveryId: Number(d.id), to: toOf.get(Number(d.communication_id)) as string });
  }
  return queued;
}
