import { describe, expect, it } from 'vitest';
import { isLeapYear, yearlyDate } from '../../src/domain/yearly-date.js';

describe('yearlyDate', () => {
  it('puts a 29 February birthday on 28 February in years without a 29th', () => {
    expect(yearlyDate('2000-02-29', 2027)).toBe('2027-02-28');
    expect(yearlyDate('2000-02-29', 2028)).toBe('2028-02-29');
    expect(yearlyDate('2000-02-29', 2100)).toBe('2100-02-28');
  });

  it('keeps every other date as it is', () => {
    expect(yearlyDate('1988-12-31', 2026)).toBe('2026-12-31');
    expect(yearlyDate('1990-03-01', 2027)).toBe('2027-03-01');
  });

  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2024, 2026].map(isLeapYear)).toEqual([false, true, true, false]);
  });
});
