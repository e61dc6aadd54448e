import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/delivery/channels/retry-after.js';

const now = new Date('2026-11-23T12:00:00.000Z');

describe('retryAfterMs', () => {
  it('reads seconds', () => {
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs(' 1.5 ', now)).toBe(1500);
  });

  it('reads an HTTP date, and a date already past as no wait', () => {
    expect(retryAfterMs('Mon, 23 Nov 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    for (const header of [null, '', '-5', 'soon', '1e3']) expect(retryAfterMs(header, now)).toBeUndefined();
  });
});
