/**
 * Exclusions (SPEC §3.3), all re-checked when an item is processed. Which ones a trigger may use
 * depends on its type: `TriggerTypeDef.exclusions`.
 */
export const EXCLUSION_NAMES = [
  /** Process only on the studio-local day of the trigger date; afterwards the item expires. */
  'date_is_past',
  /** The recipient must allow marketing on the channel actually used (decided hop by hop). */
  'allow_marketing',
  'on_hold',
  'confirmed',
  'canceled',
  /** Not if the session already has an NPS score. */
  'nps_recorded',
  /** Only sessions whose NPS score lies in [nps_min, nps_max]. */
  'nps_range',
  /** Only sessions with an NPS comment. */
  'nps_comment_required',
  /** Loyalty Reward triggers: include rewards that are fully redeemed (excluded otherwise). */
  'include_fully_redeemed',
] as const;
export type ExclusionName = (typeof EXCLUSION_NAMES)[number];

/** The exclusions that read the session or appointment flags of the record or its linked session. */
export const BOOKING_FLAG_EXCLUSIONS: readonly ExclusionName[] = ['on_hold', 'confirmed', 'canceled'];
export const NPS_EXCLUSIONS: readonly ExclusionName[] = ['nps_recorded', 'nps_range', 'nps_comment_required'];
