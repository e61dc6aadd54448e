import type { EvaluationTrigger } from './evaluation-trigger.js';
import type { Occurrence } from './find-occurrences.js';

/** What an occurrence falling due at `date` says about its item: the queue's row and the forecast's line. */
export function occurrenceItem(trigger: EvaluationTrigger, occurrence: Occurrence, date: Date) {
  return {
    trigger_id: trigger.id,
    record_kind: trigger.type.recordKind,
    record_id: occurrence.recordId,
    occurrence_key: occurrence.key,
    anchor_value: occurrence.anchorValue,
    trigger_date: date.toISOString(),
  };
}
