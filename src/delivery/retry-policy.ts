/**
 * When a delivery that failed for a temporary reason is tried again (SPEC §6: exponential backoff
 * on temporary errors), and when it stops being tried. Full jitter spreads the retries of many
 * deliveries that failed together (a provider outage) so they do not all return at once.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** A delivery older than this fails instead of retrying: a reminder a day late is worse than none. */
  readonly maxAgeMs: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  maxAgeMs: 24 * 3_600_000,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
};

/**
 * The delay before attempt `attempts + 1`: base × 2^(attempts−1), capped, with full jitter
 * (`random` in [0, 1)), but never sooner than the provider's Retry-After.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempts: number,
  random: number,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(ceiling / 2 + (ceiling / 2) * random);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Why a temporary failure is final: too many attempts, or too old to be worth sending. */
export function retryExhausted(
  policy: RetryPolicy,
  attempts: number,
  createdAt: Date,
  nextAttemptAt: Date,
): string | null {
  if (attempts >= policy.maxAttempts) return `gave up after ${attempts} attempts`;
  if (nextAttemptAt.getTime() - createdAt.getTime() > policy.maxAgeMs) {
    return `gave up: older than ${Math.round(policy.maxAgeMs / 3_600_000)} hours by the next attempt`;
  }
  return null;
}
