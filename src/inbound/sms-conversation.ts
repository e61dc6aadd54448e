import type { Transaction } from 'kysely';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { Database } from '../store/schema.js';

/** Automatic answers to a keyword; they answer a message rather than start a conversation. */
const NOT_A_CONVERSATION = ['help'];

/**
 * The conversation an inbound SMS answers (SPEC §5): the last outbound SMS of the studio to that
 * number within the window, e.g. an SMS Confirmation Message whose session a YES confirms. The HELP
 * answer does not count, so "HELP" and then "YES" still confirms.
 */
export async function smsConversation(
  db: Db | Transaction<Database>,
  studioId: number,
  number: string,
  since: Date,
): Promise<LooseRow | undefined> {
  return (await loose(db)
    .selectFrom('communications')
    .select(['id', 'purpose', 'record_kind', 'record_id', 'client_id', 'created_at'])
    .where('studio_id', '=', studioId)
    .where('direction', '=', 'outbound')
    .where('channel', '=', 'sms')
    .where('to_address', '=', number)
    .where('created_at', '>=', since.toISOString())
    .where('purpose', 'not in', NOT_A_CONVERSATION)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()) as LooseRow | undefined;
}
