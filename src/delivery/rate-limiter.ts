/**
 * Per-sender rate limits (SPEC §6: "SMS messages per second per sender number"): a token bucket per
 * key that refills at `perSecond` and holds one second's worth, so a quiet sender may send a short
 * burst and a busy one settles at the rate. `cost` is what one send uses (SMS segments). Time is
 * passed in, so the limits are tested without waiting.
 */
export interface RateLimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: RateLimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  // Sends of one key wait in line, so that concurrent senders do not all take the same refill.
  readonly #tails = new Map<string, Promise<void>>();

  constructor(
    private readonly perSecond: number,
    private readonly clock: RateLimiterClock = realTime,
  ) {}

  /** Resolves when `cost` tokens of `key` are available, and takes them. */
  async take(key: string, cost = 1): Promise<void> {
    if (this.perSecond <= 0) return;
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const turn = previous.then(() => this.#wait(key, cost));
    this.#tails.set(key, turn);
    await turn;
  }

  async #wait(key: string, cost: number): Promise<void> {
    const capacity = Math.max(this.perSecond, cost);
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, at: this.clock.now() };
    this.#buckets.set(key, bucket);
    for (;;) {
      const now = this.clock.now();
      bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
      bucket.at = now;
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return;
      }
      await this.clock.sleep(Math.ceil(((cost - bucket.tokens) / this.perSecond) * 1000));
    }
  }
}
