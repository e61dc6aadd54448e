import type { TriggerExclusions } from './trigger-definition.js';
import type { Anchor, TriggerTypeDef } from './trigger-types.js';

type Row = Readonly<Record<string, unknown>>;

/** What the evaluator knows about an occurrence's record when it decides whether it qualifies. */
export interface OccurrenceFacts {
  readonly record: Row;
  /** The session a linked record belongs to, for the booking-flag exclusions; null when none. */
  readonly session: Row | null;
  /** For status anchors: the status-history row of the occurrence. */
  readonly history: Row | null;
}

export interface QualificationRules {
  readonly type: TriggerTypeDef;
  readonly anchor: Anchor;
  readonly filterStatusId: number | null;
  readonly filterTypeId: number | null;
  readonly exclusions: TriggerExclusions;
}

/**
 * Why an occurrence does not qualify now, in words a person reads in the queue's history and in
 * "why didn't this record get this trigger?" — or null when it qualifies (SPEC §3.5: the record
 * matches the filter now and no exclusion applies). Channel-dependent exclusions (Allow Marketing)
 * are decided at processing, hop by hop, and "Triggered Date is Past" by the trigger date itself.
 */
export function disqualification(rules: QualificationRules, facts: OccurrenceFacts): string | null {
  const { type, anchor, exclusions } = rules;
  const { record, session, history } = facts;
  const isStatusAnchor = anchor.kind === 'status_entered' || anchor.kind === 'status_due';
  if (isStatusAnchor && history?.left_at != null) return 'the record has left the status since';
  if (rules.filterStatusId !== null) {
    const statusId = isStatusAnchor ? history?.status_id : record.status_id;
    if (statusId !== rules.filterStatusId) return 'the record is not in the chosen status';
  }
  if (rules.filterTypeId !== null && type.filter.typeField) {
    if (record[type.filter.typeField] !== rules.filterTypeId) return 'the record is not of the chosen type';
  }
  const booking = type.bookingFlags === 'self' ? record : type.bookingFlags === 'session_id' ? session : null;
  const what = type.bookingFlags === 'session_id' ? 'its session' : `the ${type.recordKind}`;
  if (booking) {
    if (exclusions.on_hold && booking.on_hold === 1) return `excluded: ${what} is on hold`;
    if (exclusions.confirmed && booking.confirmed === 1) return `excluded: ${what} is confirmed`;
    if (exclusions.canceled && booking.canceled === 1) return `excluded: ${what} is canceled`;
  }
  const score = record.nps_score as number | null | undefined;
  if (exclusions.nps_recorded && score != null) return 'excluded: an NPS score is already recorded';
  const range = exclusions.nps_range;
  if (range && (score == null || score < range.min || score > range.max)) {
    return `excluded: the NPS score is not within ${range.min}–${range.max}`;
  }
  if (exclusions.nps_comment_required && !String(record.nps_comment ?? '').trim()) {
    return 'excluded: there is no NPS comment';
  }
  if (type.name === 'loyalty_reward' && !exclusions.include_fully_redeemed) {
    if (Number(record.redeemed_cents ?? 0) >= Number(record.amount_cents ?? 0)) {
      return 'excluded: the reward is fully redeemed';
    }
  }
  return null;
}
