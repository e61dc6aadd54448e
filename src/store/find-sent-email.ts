import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';

/** An outbound email a provider's event is about, with the studio it belongs to. */
export interface SentEmail {
  readonly studioId: number;
  readonly communicationId: number;
  readonly clientId: number | null;
  readonly toAddress: string;
  readonly deliveryId: number | null;
}

export interface SentEmailKey {
  /** Without angle brackets. */
  readonly messageId: string | null;
  readonly communicationId: number | null;
  readonly providerMessageId: string | null;
}

/**
 * The email an event names, by the Message-ID we sent it with, our communication id, or the
 * provider's id for it, in that order. The studio is the email's, never the caller's. An id that
 * two studios' emails share (a provider id reused across servers) names neither.
 */
export async function findSentEmail(db: Db, key: SentEmailKey): Promise<SentEmail | null> {
  const base = () =>
    loose(db)
      .selectFrom('communications as c')
      .leftJoin('deliveries as d', 'd.communication_id', 'c.id')
      .select(['c.studio_id', 'c.id', 'c.client_id', 'c.to_address', 'd.id as delivery_id'])
      .where('c.channel', '=', 'email')
      .where('c.direction', '=', 'outbound')
      .limit(2);
  const lookups = [
    key.messageId === null ? null : base().where('d.message_id', '=', `<${key.messageId}>`),
    key.communicationId === null ? null : base().where('c.id', '=', key.communicationId),
    key.providerMessageId === null ? null : base().where('d.provider_message_id', '=', key.providerMessageId),
  ];
  for (const lookup of lookups) {
    if (!lookup) continue;
    const rows = (await lookup.execute()) as LooseRow[];
    const [row] = rows;
    if (rows.length !== 1 || !row) continue;
    return {
      studioId: Number(row.studio_id),
      communicationId: Number(row.id),
      clientId: row.client_id == null ? null : Number(row.client_id),
      toAddress: String(row.to_address),
      deliveryId: row.delivery_id == null ? null : Number(row.delivery_id),
    };
  }
  return null;
}
