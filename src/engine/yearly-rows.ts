import { sql, type SelectQueryBuilder } from 'kysely';
import type { Anchor } from '../domain/triggers/trigger-types.js';
import { yearlyOccurrenceKey } from '../domain/triggers/yearly-occurrence-key.js';
import { yearlyDate } from '../domain/yearly-date.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';
import type { Occurrence } from './find-occurrences.js';

type YearlyAnchor = Extract<Anchor, { kind: 'yearly' }>;

export interface YearlyRows {
  /**
   * The trigger's clients with the date set, in the filtered status: all client columns, and for
   * family-member birthdays one row per family member with `f_id`, `f_value`, `f_set_at` and
   * `f_updated_at`. Callers add the month-days, clients or counts they want.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly query: SelectQueryBuilder<any, any, any>;
  /** The date column (`r.birth_date`, `f.birth_date`): `YYYY-MM-DD` text on both databases. */
  readonly column: string;
  /** Since when the date is known, as SQL: its `<field>_set_at`, else the client's creation. */
  readonly knownSince: ReturnType<typeof sql<string>>;
  readonly ofMember: boolean;
}

export function yearlyAnchorOf(trigger: EvaluationTrigger): YearlyAnchor {
  const anchor = trigger.dateOption.anchor;
  if (anchor.kind !== 'yearly') throw new Error(`Not a yearly anchor: ${anchor.kind}`);
  return anchor;
}

/** The rows a yearly anchor (birthday, anniversary, family member's birthday) reads. */
export function yearlyRows(db: Db, studio: StudioContext, trigger: EvaluationTrigger): YearlyRows {
  const anchor = yearlyAnchorOf(trigger);
  const ofMember = anchor.of === 'family_member';
  const source = ofMember ? 'f' : 'r';
  const column = `${source}.${anchor.field}`;
  let query = loose(db).selectFrom('clients as r').selectAll('r').where('r.studio_id', '=', studio.id);
  if (ofMember) {
    query = query
      .innerJoin('family_members as f', 'f.client_id', 'r.id')
      .where('f.studio_id', '=', studio.id)
      .select([
        'f.id as f_id',
        `f.${anchor.field} as f_value`,
        `f.${anchor.field}_set_at as f_set_at`,
        'f.updated_at as f_updated_at',
      ]);
  }
  query = query.where(column, 'is not', null);
  if (trigger.filterStatusId !== null) query = query.where('r.status_id', '=', trigger.filterStatusId);
  const knownSince = sql<string>`coalesce(${sql.ref(`${source}.${anchor.field}_set_at`)}, ${sql.ref('r.created_at')})`;
  return { query, column, knownSince, ofMember };
}

/** A row's date, its family member (or null), and since when the date is known. */
export function yearlyValueOf(
  trigger: EvaluationTrigger,
  row: LooseRow,
): { value: string; familyMemberId: number | null; knownSince: string } {
  const anchor = yearlyAnchorOf(trigger);
  const ofMember = anchor.of === 'family_member';
  return {
    value: String(ofMember ? row.f_value : row[anchor.field]),
    familyMemberId: ofMember ? Number(row.f_id) : null,
    knownSince: String((ofMember ? row.f_set_at : row[`${anchor.field}_set_at`]) ?? row.created_at),
  };
}

/** A row's occurrence in one year: that year's date (29 February on the 28th in common years). */
export function yearlyOccurrenceOf(trigger: EvaluationTrigger, row: LooseRow, year: number): Occurrence {
  const anchor = yearlyAnchorOf(trigger);
  const { value, familyMemberId, knownSince } = yearlyValueOf(trigger, row);
  const date = yearlyDate(value, year);
  return {
    recordId: Number(row.id),
    key: yearlyOccurrenceKey(Number(row.id), anchor.field, year, familyMemberId),
    anchorValue: date,
    anchor: { kind: 'date', date },
    cameAt: knownSince,
    facts: { record: row, session: null, history: null },
  };
}
