import { describe, expect, it } from 'vitest';
import { statusDueDate } from '../../src/domain/status-due-date.js';
import { parseWorkWeek } from '../../src/domain/work-week.js';

const MON_FRI = parseWorkWeek('1,2,3,4,5');
const due = (enteredAt: string, days: number | null, zone: string) =>
  statusDueDate(new Date(enteredAt), days, zone, MON_FRI);

describe('statusDueDate', () => {
  it('gives no due date for a status without a duration', () => {
    expect(due('2026-03-06T15:00:00Z', null, 'America/New_York')).toBeNull();
  });

  it('counts from the studio-local date when the entry is late in the evening and UTC is a day ahead', () => {
    // Friday 6 March, 20:00 in New York, is Saturday 01:00 UTC.
    expect(due('2026-03-06T20:00:00-05:00', 0, 'America/New_York')).toBe('2026-03-06');
    // Thursday 5 March, 21:00 in New York, is Friday 02:00 UTC: one business day is Friday, not Monday.
    expect(due('2026-03-05T21:00:00-05:00', 1, 'America/New_York')).toBe('2026-03-06');
  });

  it('crosses a weekend and the start of daylight saving time in New York (8 March 2026)', () => {
    // Friday 10:00 EST + 3 business days: Mon 9, Tue 10, Wed 11.
    expect(due('2026-03-06T10:00:00-05:00', 3, 'America/New_York')).toBe('2026-03-11');
    // Sunday 8 March, 23:30 EDT (Monday 03:30 UTC): the local day is Sunday, so + 1 is Monday 9.
    expect(due('2026-03-08T23:30:00-04:00', 1, 'America/New_York')).toBe('2026-03-09');
    // Saturday 7 March 23:30 EST, hours before the clocks change.
    expect(due('2026-03-07T23:30:00-05:00', 1, 'America/New_York')).toBe('2026-03-09');
  });

  it('crosses the end of daylight saving time in New York (1 November 2026)', () => {
    // Saturday 31 October, 22:00 EDT, is Sunday 02:00 UTC.
    expect(due('2026-10-31T22:00:00-04:00', 0, 'America/New_York')).toBe('2026-10-31');
    // Sunday 1 November, 23:30 EST (Monday 04:30 UTC) + 1: Monday 2 November.
    expect(due('2026-11-01T23:30:00-05:00', 1, 'America/New_York')).toBe('2026-11-02');
    // Friday 30 October 17:00 EDT + 2 business days: Mon 2, Tue 3.
    expect(due('2026-10-30T17:00:00-04:00', 2, 'America/New_York')).toBe('2026-11-03');
  });

  it('crosses the start of summer time in Berlin (29 March 2026), where the local day starts before UTC', () => {
    // Monday 30 March, 01:30 CEST, is still Sunday 23:30 UTC.
    expect(due('2026-03-30T01:30:00+02:00', 0, 'Europe/Berlin')).toBe('2026-03-30');
    // Friday 27 March 16:00 CET + 1: Monday 30 March.
    expect(due('2026-03-27T16:00:00+01:00', 1, 'Europe/Berlin')).toBe('2026-03-30');
    // Saturday 28 March, 00:30 CET (Friday 23:30 UTC) + 1: Monday, not Saturday + weekend arithmetic on Friday.
    expect(due('2026-03-28T00:30:00+01:00', 1, 'Europe/Berlin')).toBe('2026-03-30');
    expect(due('2026-03-28T00:30:00+01:00', 0, 'Europe/Berlin')).toBe('2026-03-28');
  });
});
