import type { Transaction } from 'kysely';
import type { RecordKind } from '../domain/record-kinds/index.js';
import type { StoredRow } from '../domain/validate-record-input.js';
import type { Database } from './schema.js';
import type { Actor } from './studio-context.js';

/**
 * Writes a consent-ledger row for every "Allow Marketing" flag that a change turns on or off, so
 * that the studio can show when and by whom consent was given or withdrawn.
 */
export async function recordConsentChanges(
  trx: Transaction<Database>,
  kind: RecordKind,
  studioId: number,
  clientId: number,
  before: StoredRow | null,
  after: StoredRow,
  actor: Actor,
  at: string,
): Promise<void> {
  const rows = kind.fields
    .filter((field) => field.consent !== undefined && field.name in after)
    .filter((field) => (before?.[field.name] ?? 0) !== after[field.name])
    .filter((field) => before !== null || after[field.name] === 1)
    .map((field) => ({
      studio_id: studioId,
      client_id: clientId,
      channel: field.consent as string,
      address: null,
      action: after[field.name] === 1 ? ('opt_in' as const) : ('opt_out' as const),
      source: actor.source,
      user_id: actor.userId,
      at,
    }));
  if (rows.length > 0) await trx.insertInto('consent_events').values(rows).execute();
}
