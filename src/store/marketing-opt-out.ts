import type { Transaction } from 'kysely';
import type { Db } from './database.js';
import { loose } from './record-table.js';
import type { Database } from './schema.js';

/** Where an opt-out came from, as the consent ledger shows it. */
export type OptOutSource = 'unsubscribe_link' | 'email_provider';

/**
 * Clears a client's "Allow Marketing" flag of a channel because they unsubscribed (SPEC §5), with
 * a consent-ledger row naming the source and address. Only a flag that is on changes, so a second
 * unsubscribe (a retried webhook, a second click) writes nothing; the client's `updated_at` moves,
 * as consent is part of the client and triggers with the Allow Marketing exclusion must re-judge.
 */
export async function optOutOfMarketing(
  trx: Db | Transaction<Database>,
  studioId: number,
  clientId: number,
  opt: { readonly channel: 'email' | 'sms'; readonly address: string | null; readonly source: OptOutSource },
  at: Date,
): Promise<boolean> {
  const stamp = at.toISOString();
  const column = opt.channel === 'email' ? 'allow_marketing_email' : 'allow_marketing_sms';
  const changed = await loose(trx)
    .updateTable('clients')
    .set({ [column]: 0, updated_at: stamp })
    .where('studio_id', '=', studioId)
    .where('id', '=', clientId)
    .where(column, '=', 1)
    .returning('id')
    .executeTakeFirst();
  if (!changed) return false;
  await trx
    .insertInto('consent_events')
    .values({
      studio_id: studioId,
      client_id: clientId,
      channel: opt.channel,
      address: opt.address,
      action: 'opt_out',
      source: opt.source,
      user_id: null,
      at: stamp,
    })
    .execute();
  return true;
}
