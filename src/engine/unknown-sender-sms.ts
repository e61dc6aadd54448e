import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';

export interface UnknownSenderSms {
  readonly communication_id: number;
  readonly received_at: string;
  readonly from: string;
}

/**
 * For an Incoming Keyword trigger: the keyword SMS that came from one of the client's numbers
 * while that number belonged to no client (an unknown sender), so they started nothing. Explain
 * names them, since "I texted MINI and heard nothing" is the question it is asked. By index, on the
 * studio, keyword and sender.
 */
export async function unknownSenderSms(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  clientId: number,
): Promise<UnknownSenderSms[]> {
  if (trigger.type.name !== 'sms_keyword') return [];
  const rows = (await loose(db)
    .selectFrom('communications')
    .select(['id', 'created_at', 'from_address'])
    .where('studio_id', '=', studio.id)
    .where('keyword', '=', trigger.keyword)
    .where('channel', '=', 'sms')
    .where('direction', '=', 'inbound')
    .where('client_id', 'is', null)
    .where(
      'from_address',
      'in',
      loose(db)
        .selectFrom('client_phones')
        .select('number')
        .where('studio_id', '=', studio.id)
        .where('client_id', '=', clientId),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute()) as LooseRow[];
  return rows.map((row) => ({
    communication_id: Number(row.id),
    received_at: String(row.created_at),
    from: String(row.from_address),
  }));
}
