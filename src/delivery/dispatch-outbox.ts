import { claimDeliveries, returnExpiredLeases } from '../store/claim-deliveries.js';
import { attachmentFilesOf } from '../store/communication-attachments.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioRow } from '../store/studios.js';
import type { DeliveryChannel, SendOutcome } from './channel.js';
import { recordDeliveryTransitions } from './delivery-transitions.js';
import { outboundMessage } from './outbound-message.js';
import { outcomeRecorder, outcomeWrite } from './record-outcomes.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

export interface DispatchOptions {
  /** The channel of each provider name a delivery may carry (`capture`, `smtp`, `twilio`, …). */
  readonly channels: ReadonlyMap<string, DeliveryChannel>;
  readonly policy?: RetryPolicy;
  readonly batchSize?: number;
  /** How long a claimed delivery is held before another dispatcher may take it back. */
  readonly leaseMs?: number;
  /** Batches per call at most, so that one run of a busy studio does not starve the others. */
  readonly maxBatches?: number;
  /** Waits before a send, e.g. for a rate limit; resolves when it may go. */
  readonly beforeSend?: (message: ReturnType<typeof outboundMessage>, provider: string) => Promise<void>;
  readonly random?: () => number;
  /**
   * Aborted when the process is stopping: no further batch is claimed, sends already handed to a
   * provider finish and are recorded, and claimed deliveries not yet sent go back to the queue
   * unsent (their attempt not counted), so a shutdown waits for one send, not a whole batch.
   */
  readonly signal?: AbortSignal;
}

export interface DispatchCounts {
  sent: number;
  delivered: number;
  retrying: number;
  /** Deliveries that failed for good in this run. */
  delivery_failed: number;
  /** Deliveries whose lease had expired and that were queued again. */
  returned: number;
}

/**
 * Hands a studio's due deliveries to their channels (SPEC §6): returns the deliveries of a
 * dispatcher that died, claims a batch, sends each, and records the outcome with its reason:
 * accepted (`sent`, or `delivered` for capture), a temporary failure (queued again after an
 * exponential, jittered delay, until attempts or age run out), or a permanent one (`failed` with
 * the provider's code; an opted-out number is added to the STOP list). Outcomes are written only
 * while the delivery is still `sending` under this claim, so a delivery canceled or taken back
 * meanwhile is not overwritten; those answered together share a transaction (record-outcomes.ts).
 */
export async function dispatchOutbox(
  db: Db,
  studio: StudioRow,
  now: Date,
  options: DispatchOptions,
): Promise<DispatchCounts> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const random = options.random ?? Math.random;
  const counts: DispatchCounts = { sent: 0, delivered: 0, retrying: 0, delivery_failed: 0, returned: 0 };
  const at = now.toISOString();
  const returned = await returnExpiredLeases(db, studio.id, now, (trx, rows) =>
    recordDeliveryTransitions(
      trx,
      studio.id,
      rows.map((r) => ({
        deliveryId: Number(r.id),
        from: 'sending',
        to: 'queued',
        reason: 'lease expired: the dispatcher that took it stopped before recording an outcome',
      })),
      at,
    ),
  );
  counts.returned = returned.length;
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch += 1) {
    if (options.signal?.aborted) break;
    const claimed = await claimDeliveries(
      db,
      studio.id,
      now,
      options.batchSize ?? 100,
      options.leaseMs ?? 5 * 60_000,
      (trx, rows) =>
        recordDeliveryTransitions(
          trx,
          studio.id,
          rows.map((r) => ({
            deliveryId: Number(r.id),
            from: 'queued',
            to: 'sending',
            reason: `attempt ${Number(r.attempts)} via ${String(r.provider)}`,
          })),
          at,
        ),
    );
    if (claimed.length === 0) break;
    const communications = await communicationsOf(db, claimed);
    const record = outcomeRecorder(db, studio.id, at);
    const attachments = await attachmentFilesOf(
      db,
      studio.id,
      [...communications.values()].filter((c) => c.channel === 'email').map((c) => Number(c.id)),
    );
    // Every send and outcome of the batch settles before a failure is thrown, so no write is still
    // in flight when the caller hears of it (and, say, closes the database).
    const settled = await Promise.allSettled(
      claimed.map(async (delivery) => {
        const communication = communications.get(Number(delivery.communication_id));
        const provider = String(delivery.provider);
        const channel = options.channels.get(provider);
        let outcome: SendOutcome;
        if (!communication)
          outcome = { kind: 'permanent', code: 'missing', reason: 'the communication is gone' };
        else if (!channel)
          outcome = {
            kind: 'temporary',
            code: 'no-channel',
            reason: `no ${provider} channel is configured here`,
          };
        else {
          const files = attachments.get(Number(communication.id)) ?? [];
          const message = outboundMessage(delivery, communication, studio, files);
          await untilAborted(options.beforeSend?.(message, provider), options.signal);
          if (options.signal?.aborted) {
            const returnedNow = await returnUnsent(db, studio.id, delivery, now);
            counts.returned += returnedNow;
            return;
          }
          outcome = await channel.send(message).catch((error: unknown) => ({
            kind: 'temporary' as const,
            code: 'error',
            reason: error instanceof Error ? error.message : String(error),
          }));
          if (message.messageId) delivery.message_id = message.messageId;
        }
        const write = outcomeWrite(delivery, communication, outcome, now, policy, random);
        await record(write);
        counts[write.kind] += 1;
      }),
    );
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }
  return counts;
}

/** Waits for `wait`, or less when the signal aborts first. */
async function untilAborted(wait: Promise<void> | undefined, signal: AbortSignal | undefined): Promise<void> {
  if (!wait || !signal) return wait;
  if (signal.aborted) return;
  await new Promise<void>((resolve, reject) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
    wait.then(resolve, reject);
  });
}

/** A claimed delivery the stopping dispatcher did not send: queued again at once, attempt not counted. */
async function returnUnsent(db: Db, studioId: number, delivery: LooseRow, now: Date): Promise<number> {
  const at = now.toISOString();
  const id = Number(delivery.id);
  return db.transaction().execute(async (trx) => {
    const updated = await loose(trx)
      .updateTable('deliveries')
      .set((eb) => ({
        state: 'queued',
        lease_until: null,
        attempts: eb('attempts', '-', 1),
        next_attempt_at: at,
        updated_at: at,
      }))
      .where('id', '=', id)
      .where('state', '=', 'sending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return 0;
    const reason = 'returned unsent: the dispatcher is stopping';
    await recordDeliveryTransitions(
      trx,
      studioId,
      [{ deliveryId: id, from: 'sending', to: 'queued', reason }],
      at,
    );
    return 1;
  });
}

async function communicationsOf(db: Db, deliveries: readonly LooseRow[]): Promise<Map<number, LooseRow>> {
  const rows = (await loose(db)
    .selectFrom('communications')
    .selectAll()
    .where(
      'id',
      'in',
      deliveries.map((d) => Number(d.communication_id)),
    )
    .execute()) as LooseRow[];
  return new Map(rows.map((row) => [Number(row.id), row]));
}
