import { addBusinessDays } from './business-days.js';
import { localDateOf } from './local-date.js';
import type { WorkWeek } from './work-week.js';

/**
 * The due date a record gets when it enters a status: the studio-local date of entry plus the
 * status's duration in business days. A status without a duration gives no due date.
 */
export function statusDueDate(
  enteredAt: Date,
  durationDays: number | null,
  zone: string,
  workWeek: WorkWeek,
): string | null {
  if (durationDays === null) return null;
  return addBusinessDays(localDateOf(enteredAt, zone), durationDays, workWeek);
}
