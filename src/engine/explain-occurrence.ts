import { localDateOf } from '../domain/local-date.js';
import { triggerDate } from '../domain/trigger-date.js';
import { disqualification, type OccurrenceFacts } from '../domain/triggers/disqualification.js';
import { EXCLUSION_NAMES, type ExclusionName } from '../domain/triggers/trigger-exclusions.js';
import type { StudioContext } from '../store/studio-context.js';
import { rulesOf } from './evaluate-trigger.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';
import type { Occurrence } from './find-occurrences.js';
import { isBaselined } from './is-baselined.js';

/** One exclusion of the trigger, with what the record has and whether it lets the occurrence through. */
export interface ExclusionCheck {
  readonly exclusion: ExclusionName | 'fully_redeemed';
  readonly value: unknown;
  /** null: decided later (Allow Marketing at processing, hop by hop). */
  readonly pass: boolean | null;
  readonly reason: string | null;
}

export interface OccurrenceExplanation {
  readonly occurrence_key: string;
  readonly anchor_value: string;
  readonly came_at: string;
  readonly status_id: number | null;
  readonly left_status_at: string | null;
  readonly trigger_date: string;
  readonly has_come: boolean;
  readonly baselined: boolean;
  readonly exclusions: readonly ExclusionCheck[];
  /** The first reason it does not qualify now (filter, stay, exclusion), or null. */
  readonly disqualification: string | null;
}

/**
 * Judges one occurrence the way evaluation does (`dueDate`, `disqualification`), but keeps every
 * step instead of stopping at the first failure, so a person sees all that holds and all that does
 * not. Each exclusion is checked alone (the others switched off, the stay taken as open) to name
 * the record's value under each; the combined verdict is still `disqualification`'s.
 */
export function explainOccurrence(
  studio: StudioContext,
  trigger: EvaluationTrigger,
  occurrence: Occurrence,
  now: Date,
): OccurrenceExplanation {
  const date = triggerDate(occurrence.anchor, trigger.offset, studio.timeZone, studio.workWeek);
  const history = occurrence.facts.history;
  return {
    occurrence_key: occurrence.key,
    anchor_value: occurrence.anchorValue,
    came_at: occurrence.cameAt,
    status_id: history ? Number(history.status_id) : null,
    left_status_at: history?.left_at == null ? null : String(history.left_at),
    trigger_date: date.toISOString(),
    has_come: date.getTime() <= now.getTime(),
    baselined: isBaselined(trigger, date, occurrence.cameAt),
    exclusions: exclusionChecks(studio, trigger, occurrence.facts, date, now),
    disqualification: disqualification(rulesOf(trigger), occurrence.facts),
  };
}

function exclusionChecks(
  studio: StudioContext,
  trigger: EvaluationTrigger,
  facts: OccurrenceFacts,
  date: Date,
  now: Date,
): ExclusionCheck[] {
  const set = trigger.exclusions;
  const open: OccurrenceFacts = { ...facts, history: facts.history && { ...facts.history, left_at: null } };
  const alone = (exclusions: Record<string, unknown>) =>
    disqualification(
      {
        ...rulesOf(trigger),
        filterStatusId: null,
        filterTypeId: null,
        exclusions: { include_fully_redeemed: true, ...exclusions },
      },
      open,
    );
  const booking = trigger.type.bookingFlags === 'session_id' ? facts.session : facts.record;
  const checks: ExclusionCheck[] = [];
  for (const name of EXCLUSION_NAMES) {
    const on = set[name];
    if (!on || name === 'include_fully_redeemed') continue;
    if (name === 'allow_marketing') {
      checks.push({ exclusion: name, value: null, pass: null, reason: 'decided at processing, per channel' });
    } else if (name === 'date_is_past') {
      // Applies when the occurrence is first seen after its trigger date's studio-local day.
      const over = localDateOf(date, studio.timeZone) < localDateOf(now, studio.timeZone);
      const reason = over ? 'excluded: the trigger date\'s day is over ("Triggered Date is Past")' : null;
      checks.push({ exclusion: name, value: localDateOf(date, studio.timeZone), pass: !over, reason });
    } else {
      const reason = alone({ [name]: on });
      checks.push({
        exclusion: name,
        value: exclusionValue(name, facts, booking),
        pass: reason === null,
        reason,
      });
    }
  }
  if (trigger.type.name === 'loyalty_reward' && !set.include_fully_redeemed) {
    const reason = alone({ include_fully_redeemed: false });
    const value = { redeemed_cents: facts.record.redeemed_cents, amount_cents: facts.record.amount_cents };
    checks.push({ exclusion: 'fully_redeemed', value, pass: reason === null, reason });
  }
  return checks;
}

function exclusionValue(
  name: ExclusionName,
  facts: OccurrenceFacts,
  booking: Readonly<Record<string, unknown>> | null,
): unknown {
  if (name === 'on_hold' || name === 'confirmed' || name === 'canceled') {
    return booking ? booking[name] === 1 : null;
  }
  if (name === 'nps_comment_required') return facts.record.nps_comment ?? null;
  return facts.record.nps_score ?? null;
}
