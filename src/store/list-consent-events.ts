import { notFound } from '../domain/errors.js';
import { recordKind } from '../domain/record-kinds/index.js';
import type { Db } from './database.js';
import { loose } from './record-table.js';
import type { StudioContext } from './studio-context.js';

/**
 * A client's consent ledger, newest first: every opt-in and opt-out per channel, with where it
 * came from and who made it. A client of another studio is reported missing, like any record.
 */
export async function listConsentEvents(db: Db, studio: StudioContext, clientId: number) {
  const client = recordKind('client');
  const exists =
    Number.isSafeInteger(clientId) &&
    (await loose(db)
      .selectFrom(client.table)
      .select('id')
      .where('studio_id', '=', studio.id)
      .where('id', '=', clientId)
      .executeTakeFirst());
  if (!exists) throw notFound(client.label, clientId);
  return db
    .selectFrom('consent_events')
    .select(['id', 'channel', 'address', 'action', 'source', 'user_id', 'at'])
    .where('studio_id', '=', studio.id)
    .where('client_id', '=', clientId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
