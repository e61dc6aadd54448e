import type { TriggerDefinition } from './trigger-definition.js';

/**
 * The fields that decide which occurrences a trigger has and when they fall due. Changing one of
 * them makes a different trigger as far as the past is concerned, so its baseline moves to now
 * (SPEC §3.5): occurrences already due under the new rule are baselined, not fired all at once.
 * Names, templates, exclusions and processing settings change what an item does, not which
 * occurrences exist, and keep the baseline.
 */
export const BASELINE_FIELDS = [
  'trigger_type',
  'filter_status_id',
  'filter_type_id',
  'email_event',
  'keyword',
  'date_option',
  'offset',
] as const satisfies readonly (keyof TriggerDefinition)[];

/**
 * Whether saving `after` over `before` (null: a new trigger) sets the baseline to now: when the
 * trigger becomes active, or stays active while its occurrences change. An inactive trigger keeps
 * its baseline; it gets a new one when it is activated.
 */
export function baselineMoves(before: TriggerDefinition | null, after: TriggerDefinition): boolean {
  if (!after.is_active) return false;
  if (!before || !before.is_active) return true;
  return BASELINE_FIELDS.some((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}
