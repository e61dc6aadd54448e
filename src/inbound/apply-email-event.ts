import { studioNow } from '../control-center/studio-now.js';
import { recordDeliveryTransitions, type DeliveryState } from '../delivery/delivery-transitions.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../store/database.js';
import { blockEmailAddress } from '../store/email-blocks.js';
import { recordEmailEvent } from '../store/email-events.js';
import { findSentEmail, type SentEmail } from '../store/find-sent-email.js';
import { optOutOfMarketing } from '../store/marketing-opt-out.js';
import { loose, type LooseRow } from '../store/record-table.js';
import { getStudio } from '../store/studios.js';
import type { ProviderEmailEvent } from './provider-email-event.js';

export type EventOutcome = 'recorded' | 'duplicate' | 'unmatched';

/**
 * Applies one provider event (SPEC §5): finds the email it is about (its studio is the email's),
 * stores the event once per provider event id, and only when it is new, in the same transaction:
 * moves the delivery (delivered; failed on a bounce or drop), blocks the address (hard bounce, spam
 * report), clears Allow Marketing (email) on an unsubscribe. A retried webhook therefore changes
 * nothing twice. An event whose email we cannot find, or whose address is not the one the email
 * went to, is `unmatched`: acknowledged, and stored nowhere.
 */
export async function applyEmailEvent(
  db: Db,
  clock: Clock,
  event: ProviderEmailEvent,
): Promise<EventOutcome> {
  const email = await findSentEmail(db, event);
  if (!email) return 'unmatched';
  if (event.email !== null && event.email.trim().toLowerCase() !== email.toAddress.toLowerCase())
    return 'unmatched';
  const now = studioNow(await getStudio(db, email.studioId), clock);
  return db.transaction().execute(async (trx) => {
    const stored = await recordEmailEvent(
      trx,
      email.studioId,
      {
        event: event.event,
        occurredAt: event.occurredAt,
        communicationId: email.communicationId,
        providerEventId: `${event.source}:${event.providerEventId}`,
        address: email.toAddress,
        reason: event.reason,
        url: event.url,
        source: event.source,
      },
      now,
    );
    if (!stored.created) return 'duplicate';
    await moveDelivery(trx as unknown as Db, email, event, now);
    if (event.blocksAddress) {
      const reason =
        event.event === 'spam_report'
          ? 'spam report'
          : `hard bounce${event.reason ? `: ${event.reason}` : ''}`;
      await blockEmailAddress(
        trx,
        email.studioId,
        { address: email.toAddress, reason, emailEventId: stored.id },
        now,
      );
    }
    if (event.event === 'unsubscribed' && email.clientId !== null) {
      await optOutOfMarketing(
        trx,
        email.studioId,
        email.clientId,
        { channel: 'email', address: email.toAddress, source: 'email_provider' },
        now,
      );
    }
    return 'recorded';
  });
}

/**
 * What the event says of the delivery: `delivered` moves a sent one to delivered; a bounce or drop
 * fails a sent or delivered one (a bounce can come after the receiving server first accepted it).
 * A late `delivered` never undoes a failure.
 */
async function moveDelivery(db: Db, email: SentEmail, event: ProviderEmailEvent, now: Date): Promise<void> {
  if (email.deliveryId === null) return;
  const at = now.toISOString();
  const failing = event.event === 'bounced' || event.event === 'dropped';
  if (event.event !== 'delivered' && !failing) return;
  const from: DeliveryState[] = failing ? ['sent', 'delivered'] : ['sent'];
  const reason = failing
    ? `${event.event} (${event.source})${event.reason ? `: ${event.reason}` : ''}`
    : `delivered to the recipient's server (${event.source})`;
  const set = failing
    ? { state: 'failed', reason, error_code: event.event, failed_at: event.occurredAt, updated_at: at }
    : { state: 'delivered', reason, delivered_at: event.occurredAt, updated_at: at };
  const current = (await loose(db)
    .selectFrom('deliveries')
    .select('state')
    .where('studio_id', '=', email.studioId)
    .where('id', '=', email.deliveryId)
    .executeTakeFirst()) as LooseRow | undefined;
  const state = current?.state as DeliveryState | undefined;
  if (!state || !from.includes(state)) return;
  const moved = await loose(db)
    .updateTable('deliveries')
    .set(set)
    .where('studio_id', '=', email.studioId)
    .where('id', '=', email.deliveryId)
    .where('state', '=', state)
    .returning('id')
    .executeTakeFirst();
  if (!moved) return;
  await recordDeliveryTransitions(
    db,
    email.studioId,
    [
      {
        deliveryId: email.deliveryId,
        from: state,
        to: failing ? 'failed' : 'delivered',
        reason,
        code: failing ? event.event : null,
      },
    ],
    at,
  );
}
