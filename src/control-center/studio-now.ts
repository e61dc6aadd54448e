import type { Clock } from '../domain/clock.js';
import type { StudioRow } from '../store/studios.js';

/**
 * "Now" for a studio: its test clock when it is a sandbox whose clock has been set (SPEC §4),
 * otherwise the system clock.
 */
export function studioNow(studio: Pick<StudioRow, 'is_sandbox' | 'test_clock_at'>, clock: Clock): Date {
  if (studio.is_sandbox === 1 && studio.test_clock_at !== null) return new Date(studio.test_clock_at);
  return clock.now();
}
