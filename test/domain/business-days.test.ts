import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../src/domain/business-days.js';
import { parseWorkWeek } from '../../src/domain/work-week.js';

const MON_FRI = parseWorkWeek('1,2,3,4,5');

// March 2026: Fri 6, Sat 7, Sun 8, Mon 9.
describe('addBusinessDays', () => {
  it('moves Friday + 1 business day to Monday', () => {
    expect(addBusinessDays('2026-03-06', 1, MON_FRI)).toBe('2026-03-09');
  });

  it('keeps the date itself for 0 days, even on a Saturday', () => {
    expect(addBusinessDays('2026-03-07', 0, MON_FRI)).toBe('2026-03-07');
  });

  it('counts from a weekend day to the next business day', () => {
    expect(addBusinessDays('2026-03-07', 1, MON_FRI)).toBe('2026-03-09');
    expect(addBusinessDays('2026-03-08', 5, MON_FRI)).toBe('2026-03-13');
  });

  it('goes back over a weekend for a negative number of days', () => {
    expect(addBusinessDays('2026-03-09', -1, MON_FRI)).toBe('2026-03-06');
    expect(addBusinessDays('2026-03-09', -5, MON_FRI)).toBe('2026-03-02');
    expect(addBusinessDays('2026-03-08', -1, MON_FRI)).toBe('2026-03-06');
  });

  it('crosses a month and a year end', () => {
    expect(addBusinessDays('2026-12-31', 2, MON_FRI)).toBe('2027-01-04');
    expect(addBusinessDays('2028-02-28', 1, MON_FRI)).toBe('2028-02-29');
  });

  it('follows a custom work week in which weekend days are business days', () => {
    const tueToSat = parseWorkWeek('2,3,4,5,6');
    expect(addBusinessDays('2026-03-06', 1, tueToSat)).toBe('2026-03-07');
    expect(addBusinessDays('2026-03-07', 1, tueToSat)).toBe('2026-03-10');
    const weekendsOnly = parseWorkWeek('6,7');
    expect(addBusinessDays('2026-03-09', 3, weekendsOnly)).toBe('2026-03-21');
    expect(addBusinessDays('2026-03-09', -1, weekendsOnly)).toBe('2026-03-08');
  });

  it('refuses an empty work week instead of looping forever', () => {
    expect(() => addBusinessDays('2026-03-06', 1, new Set())).toThrow(/at least one business day/);
  });

  it('refuses text that is not a calendar date', () => {
    expect(() => addBusinessDays('2026-02-30', 1, MON_FRI)).toThrow(/Not a calendar date/);
  });

  it('refuses a fractional number of days', () => {
    expect(() => addBusinessDays('2026-03-06', 1.5, MON_FRI)).toThrow(/whole number/);
  });
});
