import type { TriggerOffset } from '../domain/trigger-offset.js';
import type { TriggerExclusions } from '../domain/triggers/trigger-definition.js';
import { TRIGGER_TYPES, type DateOptionDef, type TriggerTypeDef } from '../domain/triggers/trigger-types.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import { triggerDefinitionOf } from '../store/trigger-rows.js';

/** What evaluation needs of a trigger row, parsed once per pass. */
export interface EvaluationTrigger {
  readonly id: number;
  readonly studioId: number;
  readonly type: TriggerTypeDef;
  readonly dateOption: DateOptionDef;
  readonly filterStatusId: number | null;
  readonly filterTypeId: number | null;
  /** Email Records: the email event the trigger starts from. */
  readonly emailEvent: string | null;
  /** Incoming Keyword: the keyword, upper case. */
  readonly keyword: string | null;
  readonly offset: TriggerOffset;
  readonly exclusions: TriggerExclusions;
  readonly baselineAt: Date;
  /** The last pass; before the first one, the baseline. */
  readonly lastPassAt: Date;
}

export function evaluationTriggerOf(row: LooseRow): EvaluationTrigger | null {
  const definition = triggerDefinitionOf(row);
  const type = TRIGGER_TYPES[definition.trigger_type];
  const dateOption = type?.dateOptions[definition.date_option];
  if (!type || !dateOption || row.baseline_at == null) return null;
  const baselineAt = new Date(String(row.baseline_at));
  return {
    id: Number(row.id),
    studioId: Number(row.studio_id),
    type,
    dateOption,
    filterStatusId: definition.filter_status_id,
    filterTypeId: definition.filter_type_id,
    emailEvent: definition.email_event,
    keyword: definition.keyword,
    offset: definition.offset,
    exclusions: definition.exclusions,
    baselineAt,
    lastPassAt: row.evaluated_at == null ? baselineAt : new Date(String(row.evaluated_at)),
  };
}

/**
 * How far before its last pass a pass reads records again. A write takes its time from the clock
 * before it waits for the database, so a record stamped just before one pass may commit just after
 * it, unseen by it; reading a few minutes back finds it. Judging a record twice is harmless: one
 * item per occurrence key, and a transition only on a change of state.
 */
export const CHANGE_SETTLE_MS = 5 * 60_000;

/** Records changed after this moment are read again by the next pass of the trigger. */
export function changesSince(trigger: EvaluationTrigger): Date {
  return new Date(trigger.lastPassAt.getTime() - CHANGE_SETTLE_MS);
}

/** The studio's active triggers of a type and date option this version knows. */
export async function activeEvaluationTriggers(db: Db, studioId: number): Promise<EvaluationTrigger[]> {
  const rows = (await loose(db)
    .selectFrom('triggers')
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('is_active', '=', 1)
    .orderBy('id')
    .execute()) as LooseRow[];
  return rows.map(evaluationTriggerOf).filter((t): t is EvaluationTrigger => t !== null);
}
