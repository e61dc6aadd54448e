import type { Transaction } from 'kysely';
import type { Db } from './database.js';
import { loose } from './record-table.js';
import type { Database } from './schema.js';

type Trx = Db | Transaction<Database>;

export interface SmsConsentChange {
  readonly studioId: number;
  /** E.164. */
  readonly number: string;
  readonly clientId: unknown;
  /** Who asked: `sms_reply` (the person texted STOP or START), `provider` (Twilio refused, 21610). */
  readonly source: string;
  readonly at: string;
}

/**
 * Puts a number on the studio's STOP list and writes the consent-ledger row that shows when and
 * why it stopped receiving SMS. A number already on the list stays as it is and gets no second row:
 * a provider retrying the same STOP must not look like two opt-outs. Returns whether it was new.
 */
export async function optOutSmsNumber(trx: Trx, change: SmsConsentChange): Promise<boolean> {
  const inserted = await loose(trx)
    .insertInto('sms_opt_outs')
    .values({
      studio_id: change.studioId,
      number: change.number,
      source: change.source,
      created_at: change.at,
      updated_at: change.at,
    })
    .onConflict((oc) => oc.columns(['studio_id', 'number']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await consentRow(trx, change, 'opt_out');
  return true;
}

/** Takes a number off the STOP list (START, UNSTOP) with its ledger row; false when it was not on it. */
export async function optInSmsNumber(trx: Trx, change: SmsConsentChange): Promise<boolean> {
  const deleted = await loose(trx)
    .deleteFrom('sms_opt_outs')
    .where('studio_id', '=', change.studioId)
    .where('number', '=', change.number)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) return false;
  await consentRow(trx, change, 'opt_in');
  return true;
}

export async function isSmsNumberOptedOut(trx: Trx, studioId: number, number: string): Promise<boolean> {
  const row = await loose(trx)
    .selectFrom('sms_opt_outs')
    .select('id')
    .where('studio_id', '=', studioId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row !== undefined;
}

async function consentRow(trx: Trx, change: SmsConsentChange, action: 'opt_in' | 'opt_out'): Promise<void> {
  await loose(trx)
    .insertInto('consent_events')
    .values({
      studio_id: change.studioId,
      client_id: change.clientId ?? null,
      channel: 'sms',
      address: change.number,
      action,
      source: change.source,
      user_id: null,
      at: change.at,
    })
    .execute();
}
