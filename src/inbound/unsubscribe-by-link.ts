import { studioNow } from '../control-center/studio-now.js';
import type { Clock } from '../domain/clock.js';
import type { UnsubscribeRef } from '../domain/unsubscribe-token.js';
import type { Db } from '../store/database.js';
import { recordEmailEvent } from '../store/email-events.js';
import { optOutOfMarketing } from '../store/marketing-opt-out.js';
import { loose, type LooseRow } from '../store/record-table.js';

/** What an unsubscribe link is about, once its token has verified. */
export interface UnsubscribeTarget {
  readonly studioName: string;
  /** The client it unsubscribes; null when the message no longer belongs to one (deleted). */
  readonly clientId: number | null;
  /** Whether the client already has the channel's Allow Marketing off. */
  readonly alreadyOut: boolean;
}

/**
 * The studio and client of a verified token, or null when its message is gone (the studio or
 * communication was deleted) or no longer belongs to the client the token was made for.
 */
export async function unsubscribeTarget(db: Db, ref: UnsubscribeRef): Promise<UnsubscribeTarget | null> {
  const row = (await loose(db)
    .selectFrom('communications as c')
    .innerJoin('studios as s', 's.id', 'c.studio_id')
    .leftJoin('clients as r', (join) =>
      join.onRef('r.id', '=', 'c.client_id').onRef('r.studio_id', '=', 'c.studio_id'),
    )
    .select(['s.name', 'c.client_id', 'r.allow_marketing_email', 'r.allow_marketing_sms'])
    .where('c.studio_id', '=', ref.studioId)
    .where('c.id', '=', ref.communicationId)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!row) return null;
  const clientId = row.client_id == null ? null : Number(row.client_id);
  // A message to staff or the studio itself: there is no marketing to leave.
  if (ref.clientId === null) return { studioName: String(row.name), clientId: null, alreadyOut: true };
  if (clientId !== ref.clientId) return null;
  const flag = ref.channel === 'email' ? row.allow_marketing_email : row.allow_marketing_sms;
  return { studioName: String(row.name), clientId, alreadyOut: clientId === null || Number(flag) !== 1 };
}

/**
 * Unsubscribes through a link (the page's button or an RFC 8058 one-click POST): clears the
 * client's Allow Marketing of the channel with a consent-ledger row, and for email stores an
 * `unsubscribed` event of the email (which Email Records triggers can start from). The event's id
 * is the email's, so a second click changes nothing and stores nothing.
 */
export async function unsubscribeByLink(
  db: Db,
  clock: Clock,
  ref: UnsubscribeRef,
  target: UnsubscribeTarget,
): Promise<void> {
  if (target.clientId === null) return;
  const clientId = target.clientId;
  const studio = await db
    .selectFrom('studios')
    .select(['is_sandbox', 'test_clock_at'])
    .where('id', '=', ref.studioId)
    .executeTakeFirstOrThrow();
  const now = studioNow(studio, clock);
  await db.transaction().execute(async (trx) => {
    const email = (await loose(trx)
      .selectFrom('communications')
      .select('to_address')
      .where('studio_id', '=', ref.studioId)
      .where('id', '=', ref.communicationId)
      .executeTakeFirst()) as LooseRow | undefined;
    const address = (email?.to_address as string | null | undefined) ?? null;
    await optOutOfMarketing(
      trx,
      ref.studioId,
      clientId,
      { channel: ref.channel, address, source: 'unsubscribe_link' },
      now,
    );
    if (ref.channel !== 'email') return;
    await recordEmailEvent(
      trx,
      ref.studioId,
      {
        event: 'unsubscribed',
        occurredAt: now.toISOString(),
        communicationId: ref.communicationId,
        clientId,
        providerEventId: `unsubscribe_link:${ref.communicationId}`,
        address,
        source: 'unsubscribe_link',
      },
      now,
    );
  });
}
