import type { Clock } from '../../src/domain/clock.js';
import type { DeliverySetup } from '../../src/delivery/delivery-channels.js';
import { dispatchOutbox, type DispatchCounts } from '../../src/delivery/dispatch-outbox.js';
import type { Db } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import type { StudioRow } from '../../src/store/studios.js';

/**
 * Runs the dispatcher as the Control Center does (`dispatchOutbox` with the process's channels and
 * rate limits, default batch size and batches per call), call after call until a call finds nothing
 * to send. `afterCall` sees the running total, e.g. to sample memory as the outbox empties.
 */
export async function drainOutbox(
  db: Db,
  studio: StudioRow,
  clock: Clock,
  delivery: Pick<DeliverySetup, 'channels' | 'beforeSend'>,
  afterCall: (total: DispatchCounts) => void = () => {},
): Promise<DispatchCounts> {
  const total: DispatchCounts = { sent: 0, delivered: 0, retrying: 0, delivery_failed: 0, returned: 0 };
  for (;;) {
    const counts = await dispatchOutbox(db, studio, clock.now(), {
      channels: delivery.channels,
      beforeSend: delivery.beforeSend,
    });
    let handled = 0;
    for (const key of Object.keys(total) as (keyof DispatchCounts)[]) {
      total[key] += counts[key];
      handled += counts[key];
    }
    if (handled === 0) return total;
    afterCall(total);
  }
}

/** How many of a studio's deliveries are in each state, and the reasons of those not sent. */
export async function deliveryStates(
  db: Db,
  studioId: number,
): Promise<{ states: Record<string, number>; reasons: string[] }> {
  const rows = (await loose(db)
    .selectFrom('deliveries')
    .select(['state', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.max('reason').as('reason')])
    .where('studio_id', '=', studioId)
    .groupBy('state')
    .execute()) as { state: string; n: number | string; reason: string | null }[];
  return {
    states: Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])),
    reasons: rows.filter((r) => r.state !== 'sent').map((r) => `${r.state}: ${r.reason ?? ''}`),
  };
}

/** Throws unless exactly `expected` deliveries exist and every one of them ended `sent`. */
export async function assertAllSent(db: Db, studioId: number, expected: number): Promise<void> {
  const { states, reasons } = await deliveryStates(db, studioId);
  if (states.sent !== expected || Object.keys(states).length !== 1) {
    throw new Error(
      `expected ${expected} deliveries sent, found ${JSON.stringify(states)}; ${reasons.join('; ')}`,
    );
  }
}
