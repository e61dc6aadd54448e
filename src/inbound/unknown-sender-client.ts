import type { Transaction } from 'kysely';
import { recordKind } from '../domain/record-kinds/index.js';
import { initialStatusId } from '../processing/initial-status.js';
import { checkNewRecord, insertRecord } from '../store/records.js';
import type { Database } from '../store/schema.js';
import type { StudioContext } from '../store/studio-context.js';

/**
 * A client for an SMS from a number no client has, when the studio asks for it
 * (`sms_unknown_sender_clients`). Nothing but the number is known, so the client is named after it
 * — first name "SMS", last name the number — which staff see at once as a name to correct, and is
 * found again by the same number next time. The number may receive SMS (they just texted from it);
 * marketing consent stays off, as nobody gave it.
 */
export async function clientForUnknownSender(
  trx: Transaction<Database>,
  studio: StudioContext,
  number: string,
  now: Date,
): Promise<number> {
  const kind = recordKind('client');
  const input: Record<string, unknown> = {
    first_name: 'SMS',
    last_name: number,
    lead_source: 'SMS',
    phones: [{ number, label: 'mobile', sms_capable: true }],
  };
  const statusId = await initialStatusId(trx, studio.id, 'client', null);
  if (statusId !== null) input.status_id = statusId;
  const { record, problems } = checkNewRecord(studio, kind, input, now);
  return insertRecord(trx, studio, kind, record, { userId: null, source: 'system' }, now, problems);
}
