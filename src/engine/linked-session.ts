import type { SelectQueryBuilder } from 'kysely';
import type { LooseRow } from '../store/record-table.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';

const SESSION_FLAGS = ['on_hold', 'confirmed', 'canceled'] as const;

/**
 * For triggers whose booking-flag exclusions read the session a record links to (invoices, tasks,
 * orders, web forms), joins that session's flags to a query over the record `r` as `s_*` columns.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withLinkedSession(query: SelectQueryBuilder<any, any, any>, trigger: EvaluationTrigger) {
  if (trigger.type.bookingFlags !== 'session_id') return query;
  return query
    .leftJoin('sessions as s', 's.id', 'r.session_id')
    .select([...SESSION_FLAGS.map((f) => `s.${f} as s_${f}`), 's.id as s_id']);
}

/** The linked session's flags from a row `withLinkedSession` read, or null when there is none. */
export function linkedSessionOf(row: LooseRow): Record<string, unknown> | null {
  return row.s_id == null ? null : Object.fromEntries(SESSION_FLAGS.map((f) => [f, row[`s_${f}`]]));
}
