import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';
import type { Occurrence } from './find-occurrences.js';

/** Where an event trigger's occurrences come from: the events table, its anchor and key prefix. */
interface EventSource {
  readonly table: 'email_events' | 'communications';
  /** The instant of the event: when the provider says it happened, or when the SMS was received. */
  readonly at: 'occurred_at' | 'created_at';
  readonly key: 'ee' | 'sms';
}

function eventSourceOf(trigger: EvaluationTrigger): EventSource {
  return trigger.type.name === 'email_records'
    ? { table: 'email_events', at: 'occurred_at', key: 'ee' }
    : { table: 'communications', at: 'created_at', key: 'sms' };
}

/** The column of an event's instant, for ranges and order. */
export function eventAtColumn(trigger: EvaluationTrigger): string {
  return `e.${eventSourceOf(trigger).at}`;
}

/**
 * The events an event trigger starts from (SPEC §3.1), as `e`, each with its client as `r` (all
 * client columns, then `e_id` and `e_at`, the event's instant): email events of the trigger's
 * kind, of an email of the chosen email type if it names one; inbound SMS whose first word is the
 * keyword (`communications.keyword`, written when the message was stored). Events of no client
 * (an unknown sender) start nothing. Callers add the range or the client they want. The tables
 * depend on the trigger type, so the builder is typed loosely, like registry tables.
 */
export function eventRows(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): SelectQueryBuilder<any, any, any> {
  const source = eventSourceOf(trigger);
  let query = loose(db)
    .selectFrom(`${source.table} as e`)
    .innerJoin('clients as r', 'r.id', 'e.client_id')
    .selectAll('r')
    .select(['e.id as e_id', `e.${source.at} as e_at`])
    .where('e.studio_id', '=', studio.id)
    .where('r.studio_id', '=', studio.id);
  if (source.table === 'email_events') {
    query = query.where('e.event', '=', trigger.emailEvent);
    if (trigger.filterTypeId !== null) {
      query = query
        .innerJoin('communications as c', 'c.id', 'e.communication_id')
        .where('c.email_type_id', '=', trigger.filterTypeId);
    }
  } else {
    query = query
      .where('e.channel', '=', 'sms')
      .where('e.direction', '=', 'inbound')
      .where('e.keyword', '=', trigger.keyword);
  }
  return query;
}

/**
 * One event as an occurrence (SPEC §3.2: the key is the event): it belongs to the client, its anchor
 * is the event's instant, and it came into existence when the event happened, so an event at or
 * before the baseline never fires, however late the provider reported it.
 */
export function eventOccurrenceOf(trigger: EvaluationTrigger, row: LooseRow): Occurrence {
  const at = String(row.e_at);
  return {
    recordId: Number(row.id),
    key: `${eventSourceOf(trigger).key}:${String(row.e_id)}`,
    anchorValue: at,
    anchor: { kind: 'instant', at: new Date(at) },
    cameAt: at,
    facts: { record: row, session: null, history: null },
  };
}
