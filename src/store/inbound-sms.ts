import type { Transaction } from 'kysely';
import { notFound } from '../domain/errors.js';
import { smsKeywordOf } from '../domain/sms-keyword-of.js';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';
import type { Database } from './schema.js';
import { findStudioRow } from './studio-row.js';

export interface InboundSmsInput {
  /** The client the sender's number belongs to; null for an unknown sender. */
  readonly clientId: number | null;
  /** The sender's number (E.164). */
  readonly from: string;
  /** The studio's number it was sent to (E.164). */
  readonly to: string;
  readonly body: string;
  /** The provider's id of the message (Twilio's MessageSid), unique per studio: a retry finds it. */
  readonly providerMessageId?: string | null;
  /** Which clients the sender's number matched and why (JSON), for the Messages inbox. */
  readonly senderMatch?: string | null;
}

/**
 * Stores an inbound SMS as an unread communication of the Messages inbox (SPEC §5) for the SMS
 * webhook and returns its id. Its `keyword` column holds the first word as Incoming Keyword
 * triggers match it (`smsKeywordOf`), so that evaluation finds a keyword's messages by index. `at`
 * is the studio's now (its test clock in a sandbox): the time received, the anchor of those
 * triggers, and the row's `updated_at`. A message from an unknown sender is kept, but it belongs
 * to no client and so starts no trigger.
 */
export async function recordInboundSms(
  db: Db | Transaction<Database>,
  studioId: number,
  input: InboundSmsInput,
  at: Date,
): Promise<number> {
  if (input.clientId !== null && !(await findStudioRow(db, 'clients', studioId, input.clientId))) {
    throw notFound('Client', input.clientId);
  }
  const stamp = at.toISOString();
  const row = (await loose(db)
    .insertInto('communications')
    .values({
      studio_id: studioId,
      channel: 'sms',
      direction: 'inbound',
      purpose: 'reply',
      client_id: input.clientId,
      from_address: input.from,
      to_address: input.to,
      body_text: input.body,
      keyword: smsKeywordOf(input.body),
      provider_message_id: input.providerMessageId ?? null,
      sender_match: input.senderMatch ?? null,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow()) as LooseRow;
  return Number(row.id);
}
