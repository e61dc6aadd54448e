import type { Config } from '../config.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioRow } from '../store/studios.js';

/**
 * The studio an inbound SMS was sent to, found by the receiving number.
 *
 * A studio's own number (studios.sms_from_number) decides. The installation's shared number
 * (TWILIO_FROM_NUMBER) sends for every studio without one, so a reply to it belongs to the studio
 * that last texted the sender from the shared number within the conversation window; with no such
 * message the reply cannot be placed and is refused like one to an unknown number. When two
 * studios share one number (a configuration mistake), the oldest studio takes it, consistently.
 */
export async function receivingStudio(
  db: Db,
  config: Pick<Config, 'twilioFromNumber' | 'smsConversationDays'>,
  to: string,
  from: string,
  now: Date,
): Promise<StudioRow | null> {
  const own = await db
    .selectFrom('studios')
    .selectAll()
    .where('sms_from_number', '=', to)
    .orderBy('id')
    .executeTakeFirst();
  if (own) return own;
  if (config.twilioFromNumber !== to) return null;
  const since = new Date(now.getTime() - config.smsConversationDays * 86_400_000).toISOString();
  const last = (await loose(db)
    .selectFrom('communications as c')
    .innerJoin('studios as s', 's.id', 'c.studio_id')
    .select('c.studio_id')
    .where('s.sms_from_number', 'is', null)
    .where('c.direction', '=', 'outbound')
    .where('c.channel', '=', 'sms')
    .where('c.to_address', '=', from)
    .where('c.created_at', '>=', since)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .executeTakeFirst()) as LooseRow | undefined;
  if (!last) return null;
  return (
    (await db
      .selectFrom('studios')
      .selectAll()
      .where('id', '=', Number(last.studio_id))
      .executeTakeFirst()) ?? null
  );
}
