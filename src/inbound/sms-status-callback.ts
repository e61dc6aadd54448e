import type { Clock } from '../domain/clock.js';
import { validationError, type ProblemDetail } from '../domain/errors.js';
import { twilioCodeKind, twilioCodeMeaning } from '../delivery/channels/twilio-error-codes.js';
import { recordDeliveryTransitions, type DeliveryState } from '../delivery/delivery-transitions.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import { optOutSmsNumber } from '../store/sms-opt-outs.js';
import { webhookField } from './webhook-field.js';

export interface SmsStatus {
  readonly messageSid: string;
  readonly status: string;
  readonly errorCode: number | null;
}

/** Twilio's message statuses (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values). */
const STATUSES = [
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'undelivered',
  'failed',
  'canceled',
  'receiving',
  'received',
  'partially_delivered',
];

/** The parts of a status callback that count, checked (a clear 400 naming the parameter). */
export function smsStatusParams(params: Readonly<Record<string, string | readonly string[]>>): SmsStatus {
  const problems: ProblemDetail[] = [];
  const messageSid = webhookField(params, 'MessageSid', problems, {
    required: true,
    max: 64,
    pattern: /^[A-Za-z0-9_-]{2,64}$/,
    what: 'a message id of letters and digits',
  });
  const status = webhookField(params, 'MessageStatus', problems, {
    required: true,
    max: 30,
    pattern: new RegExp(`^(${STATUSES.join('|')})$`),
    what: `one of ${STATUSES.join(', ')}`,
  });
  const code = webhookField(params, 'ErrorCode', problems, {
    max: 10,
    pattern: /^\d{1,9}$/,
    what: 'a number',
  });
  if (problems.length > 0 || messageSid === null || status === null) {
    throw validationError(problems, 'The status callback is not valid');
  }
  return { messageSid, status, errorCode: code === null ? null : Number(code) };
}

/** How far along a delivery is; a callback only ever moves it further. Delivered and failed are ends. */
const RANK: Record<DeliveryState, number> = {
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  failed: 3,
  canceled: 3,
};

function targetOf(status: string): DeliveryState | null {
  if (status === 'sent') return 'sent';
  if (status === 'delivered' || status === 'read') return 'delivered';
  if (status === 'undelivered' || status === 'failed') return 'failed';
  // accepted, queued, sending, …: earlier than any delivery that has a provider id already.
  return null;
}

export type StatusResult = { readonly found: false } | { readonly found: true; readonly changed: boolean };

/**
 * Applies a status callback to the delivery with that provider message id. Callbacks arrive late,
 * out of order and more than once, so a delivery only moves forward (sent → delivered or failed)
 * and never leaves delivered or failed; the update is conditional on the state it was read in, so
 * two callbacks at once cannot both apply. Each change writes a delivery transition. A failure with
 * Twilio's 21610 (the recipient texted STOP to the carrier) puts the number on the STOP list.
 */
export async function applySmsStatus(db: Db, clock: Clock, callback: SmsStatus): Promise<StatusResult> {
  const delivery = (await loose(db)
    .selectFrom('deliveries as d')
    .innerJoin('communications as c', 'c.id', 'd.communication_id')
    .select(['d.id', 'd.studio_id', 'd.state', 'c.to_address', 'c.client_id'])
    .where('d.provider_message_id', '=', callback.messageSid)
    .orderBy('d.id')
    .executeTakeFirst()) as LooseRow | undefined;
  if (!delivery) return { found: false };
  const from = String(delivery.state) as DeliveryState;
  const to = targetOf(callback.status);
  if (to === null || RANK[to] <= RANK[from]) return { found: true, changed: false };
  const at = clock.now().toISOString();
  const studioId = Number(delivery.studio_id);
  const code = callback.errorCode === null ? null : `twilio-${callback.errorCode}`;
  const reason =
    to === 'delivered'
      ? 'delivered to the phone (status callback)'
      : to === 'sent'
        ? 'sent by the provider (status callback)'
        : `${callback.status} (status callback)${callback.errorCode === null ? '' : `: Twilio ${callback.errorCode} — ${twilioCodeMeaning(callback.errorCode) ?? 'see https://www.twilio.com/docs/api/errors/' + callback.errorCode}`}`;
  return db.transaction().execute(async (trx) => {
    const updated = await loose(trx)
      .updateTable('deliveries')
      .set({
        state: to,
        reason,
        updated_at: at,
        ...(to === 'delivered' ? { delivered_at: at } : {}),
        ...(to === 'failed' ? { failed_at: at, error_code: code } : {}),
      })
      .where('id', '=', Number(delivery.id))
      .where('state', '=', from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return { found: true, changed: false };
    await recordDeliveryTransitions(
      trx,
      studioId,
      [{ deliveryId: Number(delivery.id), from, to, reason, code }],
      at,
    );
    if (
      to === 'failed' &&
      callback.errorCode !== null &&
      twilioCodeKind(callback.errorCode) === 'opted-out'
    ) {
      await optOutSmsNumber(trx, {
        studioId,
        number: String(delivery.to_address),
        clientId: delivery.client_id,
        source: 'provider',
        at,
      });
    }
    return { found: true, changed: true };
  });
}
