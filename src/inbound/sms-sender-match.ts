import type { Transaction } from 'kysely';
import { loose, type LooseRow } from '../store/record-table.js';
import type { Database } from '../store/schema.js';

/** Which clients an inbound SMS's sender number belongs to, which one it was filed under, and why. */
export interface SenderMatch {
  readonly client_ids: number[];
  readonly client_id: number | null;
  readonly reason: string;
}

/**
 * Finds the client of an inbound SMS by the sender's number among the studio's client phone numbers.
 * Several clients may share a number (a family's phone): the one the conversation was with wins,
 * since the reply answers that message; otherwise the most recently updated client (the one the
 * studio is working with). The match is stored with the message so that staff can see the others.
 */
export async function smsSenderMatch(
  trx: Transaction<Database>,
  studioId: number,
  number: string,
  conversationClientId: number | null,
): Promise<SenderMatch> {
  const rows = (await loose(trx)
    .selectFrom('client_phones as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .select(['c.id', 'c.updated_at'])
    .distinct()
    .where('p.studio_id', '=', studioId)
    .where('c.studio_id', '=', studioId)
    .where('p.number', '=', number)
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute()) as LooseRow[];
  const ids = rows.map((r) => Number(r.id));
  if (ids.length === 0) return { client_ids: [], client_id: null, reason: 'no client has this number' };
  if (ids.length === 1)
    return { client_ids: ids, client_id: ids[0] ?? null, reason: 'the only client with this number' };
  if (conversationClientId !== null && ids.includes(conversationClientId)) {
    return {
      client_ids: ids,
      client_id: conversationClientId,
      reason: `${ids.length} clients have this number; the last SMS to it was to this client`,
    };
  }
  return {
    client_ids: ids,
    client_id: ids[0] ?? null,
    reason: `${ids.length} clients have this number and none had a conversation with it; the most recently updated one`,
  };
}
