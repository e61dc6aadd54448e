import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import { optOutSmsNumber } from '../store/sms-opt-outs.js';
import type { SendOutcome } from './channel.js';
import { recordDeliveryTransitions, type DeliveryTransition } from './delivery-transitions.js';
import { retryDelayMs, retryExhausted, type RetryPolicy } from './retry-policy.js';

export type OutcomeKind = 'sent' | 'delivered' | 'retrying' | 'delivery_failed';

/** What one send's outcome writes: the delivery's new columns, its transition, an opt-out. */
export interface OutcomeWrite {
  readonly kind: OutcomeKind;
  readonly deliveryId: number;
  readonly set: Record<string, unknown>;
  readonly transition: DeliveryTransition;
  /** A number the provider says has opted out: it joins the studio's STOP list. */
  readonly optOut: { readonly number: string; readonly clientId: unknown } | null;
}

/**
 * The write a send's outcome calls for: accepted (`sent`, or `delivered` for capture), a temporary
 * failure (queued again after an exponential, jittered delay, until attempts or age run out), or a
 * permanent one (`failed` with the provider's code).
 */
export function outcomeWrite(
  delivery: LooseRow,
  communication: LooseRow | undefined,
  outcome: SendOutcome,
  now: Date,
  policy: RetryPolicy,
  random: () => number,
): OutcomeWrite {
  const at = now.toISOString();
  const deliveryId = Number(delivery.id);
  const attempts = Number(delivery.attempts);
  const base = { lease_until: null, message_id: delivery.message_id ?? null, updated_at: at };
  if (outcome.kind === 'sent') {
    const to = outcome.delivered ? 'delivered' : 'sent';
    const reason = outcome.delivered
      ? 'captured: kept for inspection, not sent to a provider'
      : 'accepted by the provider';
    return {
      kind: to,
      deliveryId,
      set: {
        ...base,
        state: to,
        reason,
        provider_message_id: outcome.providerId,
        sent_at: at,
        delivered_at: outcome.delivered ? at : null,
      },
      transition: { deliveryId, from: 'sending', to, reason },
      optOut: null,
    };
  }
  const next = new Date(
    now.getTime() +
      (outcome.kind === 'temporary' ? retryDelayMs(policy, attempts, random(), outcome.retryAfterMs) : 0),
  );
  const exhausted =
    outcome.kind === 'temporary'
      ? retryExhausted(policy, attempts, new Date(String(delivery.created_at)), next)
      : null;
  if (outcome.kind === 'temporary' && exhausted === null) {
    const reason = `${outcome.reason}; retrying at ${next.toISOString()}`;
    return {
      kind: 'retrying',
      deliveryId,
      set: {
        ...base,
        state: 'queued',
        reason,
        error_code: outcome.code,
        next_attempt_at: next.toISOString(),
      },
      transition: { deliveryId, from: 'sending', to: 'queued', reason, code: outcome.code },
      optOut: null,
    };
  }
  const reason = exhausted ? `${outcome.reason} (${exhausted})` : outcome.reason;
  return {
    kind: 'delivery_failed',
    deliveryId,
    set: { ...base, state: 'failed', reason, error_code: outcome.code, failed_at: at },
    transition: { deliveryId, from: 'sending', to: 'failed', reason, code: outcome.code },
    optOut:
      outcome.kind === 'permanent' && outcome.optedOut && communication?.channel === 'sms'
        ? { number: String(communication.to_address), clientId: communication.client_id ?? null }
        : null,
  };
}

/**
 * Records outcomes as sends finish, several to a transaction (group commit): the outcomes of sends
 * answered in the same turn of the event loop, and those that arrive while a transaction is being
 * written, go together in one.
 * A send's promise settles when its own outcome is committed, so nothing is counted before it is
 * stored; the wait is at most one transaction, which keeps the window in which a crash could
 * send a message twice (sent, not yet recorded) about as short as one transaction per outcome.
 * When a group's transaction fails, its outcomes are written one by one, so one bad write fails
 * alone. Each delivery is written only while it is still `sending` under this claim, so a delivery
 * canceled or taken back meanwhile is not overwritten.
 */
export function outcomeRecorder(
  db: Db,
  studioId: number,
  at: string,
): (write: OutcomeWrite) => Promise<void> {
  let pending: { write: OutcomeWrite; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function flush(): Promise<void> {
    writing = true;
    while (pending.length > 0) {
      const group = pending;
      pending = [];
      try {
        await writeOutcomes(
          db,
          studioId,
          group.map((p) => p.write),
          at,
        );
        for (const p of group) p.resolve();
      } catch {
        // One bad write must not lose the others' outcomes: each is tried again on its own.
        for (const p of group) await writeOutcomes(db, studioId, [p.write], at).then(p.resolve, p.reject);
      }
    }
    writing = false;
  }

  return (write) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ write, resolve, reject });
      // Not at once: the other sends whose answers arrived in this turn of the event loop join it.
      if (pending.length === 1 && !writing) setImmediate(() => void flush());
    });
}

async function writeOutcomes(
  db: Db,
  studioId: number,
  writes: readonly OutcomeWrite[],
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const transitions: DeliveryTransition[] = [];
    for (const write of writes) {
      const updated = await loose(trx)
        .updateTable('deliveries')
        .set(write.set)
        .where('id', '=', write.deliveryId)
        .where('state', '=', 'sending')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) continue;
      transitions.push(write.transition);
      if (!write.optOut) continue;
      await optOutSmsNumber(trx, {
        studioId,
        number: write.optOut.number,
        clientId: write.optOut.clientId,
        source: 'provider',
        at,
      });
    }
    await recordDeliveryTransitions(trx, studioId, transitions, at);
  });
}
