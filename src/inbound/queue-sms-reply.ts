import type { Transaction } from 'kysely';
import type { DeliveryProviders } from '../delivery/delivery-channels.js';
import { studioProviders } from '../delivery/studio-providers.js';
import { smsSegments } from '../domain/sms-segments.js';
import { queueDelivery } from '../store/queue-delivery.js';
import { loose } from '../store/record-table.js';
import type { Database } from '../store/schema.js';
import type { StudioRow } from '../store/studios.js';

export interface SmsReply {
  readonly to: string;
  readonly text: string;
  /** help | nps_reask | staff_reply */
  readonly purpose: string;
  readonly clientId: number | null;
  readonly record: { readonly kind: string; readonly id: number } | null;
}

/**
 * Queues an SMS answer through the outbox like any other message: a communication with its final
 * text and a delivery for the studio's SMS provider (capture in a sandbox). Answers are never sent
 * inline in the webhook's TwiML, so that each one is recorded, retried, rate-limited and visible
 * with its delivery state. Callers decide about the STOP list first.
 */
export async function queueSmsReply(
  trx: Transaction<Database>,
  studio: StudioRow,
  providers: DeliveryProviders,
  reply: SmsReply,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const counted = smsSegments(reply.text);
  const row = await loose(trx)
    .insertInto('communications')
    .values({
      studio_id: studio.id,
      channel: 'sms',
      direction: 'outbound',
      purpose: reply.purpose,
      client_id: reply.clientId,
      record_kind: reply.record?.kind ?? null,
      record_id: reply.record?.id ?? null,
      to_address: reply.to,
      from_address: studio.sms_from_number,
      body_text: reply.text,
      is_marketing: 0,
      encoding: counted.encoding,
      segments: counted.segments,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await queueDelivery(trx, studio.id, id, studioProviders(studio, providers).sms, at);
  return id;
}
