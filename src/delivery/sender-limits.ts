import type { OutboundMessage } from './channel.js';
import { RateLimiter, realTime, type RateLimiterClock } from './rate-limiter.js';
import { smsSegments } from '../domain/sms-segments.js';

export interface SenderLimits {
  /** SMS segments per second per sending number; 0 is off. */
  readonly smsSegmentsPerSecond: number;
  /** Emails per second per sending address; 0 is off. */
  readonly emailsPerSecond: number;
}

/**
 * The dispatcher's wait before each send: per channel and per sender (the studio's number or
 * address), SMS counted in segments. The capture channel sends nothing and is never limited. One
 * instance per process, so the limits hold across runs.
 */
export function senderLimits(
  limits: SenderLimits,
  clock: RateLimiterClock = realTime,
): (message: OutboundMessage, provider: string) => Promise<void> {
  const sms = new RateLimiter(limits.smsSegmentsPerSecond, clock);
  const email = new RateLimiter(limits.emailsPerSecond, clock);
  return async (message, provider) => {
    if (provider === 'capture') return;
    const sender = message.from ?? '';
    if (message.channel === 'sms') await sms.take(sender, smsSegments(message.text ?? '').segments);
    else await email.take(sender);
  };
}
