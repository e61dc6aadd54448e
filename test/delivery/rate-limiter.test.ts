import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/delivery/channel.js';
import { RateLimiter, type RateLimiterClock } from '../../src/delivery/rate-limiter.js';
import { senderLimits } from '../../src/delivery/sender-limits.js';

/** A clock that moves only when something sleeps, recording when each send went. */
function fakeTime(): RateLimiterClock & { at: number } {
  const clock = {
    at: 0,
    now: () => clock.at,
    sleep: async (ms: number) => {
      clock.at += ms;
    },
  };
  return clock;
}

describe('rate limits per sender', () => {
  it('lets one SMS segment a second through per number, and numbers do not wait for each other', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(1, time);
    const sentAt: Record<string, number[]> = { a: [], b: [] };
    const send = async (key: 'a' | 'b') => {
      await limiter.take(key);
      sentAt[key]?.push(time.now());
    };
    for (let i = 0; i < 3; i += 1) await send('a');
    await send('b');
    expect(sentAt.a).toEqual([0, 1000, 2000]);
    expect(sentAt.b).toEqual([2000]);
  });

  it('counts a three-segment message as three', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(1, time);
    await limiter.take('n', 3);
    const first = time.now();
    await limiter.take('n', 1);
    expect(time.now() - first).toBe(1000);
  });

  it('makes concurrent sends of one sender share the rate: a burst of one second, then the rate', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(2, time);
    await Promise.all([0, 1, 2, 3].map(() => limiter.take('x')));
    // Two at once from the full bucket, then one each half second.
    expect(time.now()).toBe(1000);
  });

  it('does not limit when the rate is 0 (off)', async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(0, time);
    for (let i = 0; i < 100; i += 1) await limiter.take('x');
    expect(time.now()).toBe(0);
  });
});

describe('the dispatcher wait per channel and sender', () => {
  const message = (channel: 'sms' | 'email', from: string, text: string) =>
    ({ channel, from, text }) as unknown as OutboundMessage;

  it('limits SMS by segments per sending number and never limits the capture channel', async () => {
    const time = fakeTime();
    const wait = senderLimits({ smsSegmentsPerSecond: 1, emailsPerSecond: 0 }, time);
    // 200 GSM-7 characters are two segments.
    await wait(message('sms', '+12025550100', 'x'.repeat(200)), 'twilio');
    await wait(message('sms', '+12025550100', 'short'), 'twilio');
    expect(time.now()).toBe(1000);
    await wait(message('sms', '+12025550199', 'other number'), 'twilio');
    for (let i = 0; i < 10; i += 1) await wait(message('sms', '+12025550100', 'kept'), 'capture');
    for (let i = 0; i < 10; i += 1) await wait(message('email', 'a@studio.test', 'unlimited'), 'smtp');
    expect(time.now()).toBe(1000);
  });
});
