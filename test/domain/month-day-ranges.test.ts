import { describe, expect, it } from 'vitest';
import { monthDayRanges } from '../../src/domain/triggers/month-day-ranges.js';
import { familyMemberIdOf, yearlyOccurrenceKey } from '../../src/domain/triggers/yearly-occurrence-key.js';

describe('monthDayRanges', () => {
  it('keeps a range within one year as one range', () => {
    expect(monthDayRanges('2026-05-09', '2026-05-12')).toEqual([['05-09', '05-12']]);
  });

  it('splits a range that crosses New Year in two', () => {
    expect(monthDayRanges('2026-12-26', '2027-01-04')).toEqual([
      ['12-26', '12-31'],
      ['01-01', '01-04'],
    ]);
  });

  it('takes 29 February when a range ends on 28 February', () => {
    expect(monthDayRanges('2027-02-26', '2027-02-28')).toEqual([['02-26', '02-29']]);
  });

  it('selects every day for a window of a year or more', () => {
    expect(monthDayRanges('2026-05-09', '2027-05-09')).toBeNull();
    expect(monthDayRanges('2026-12-30', '2028-01-02')).toBeNull();
  });
});

describe('yearlyOccurrenceKey', () => {
  it("names the family member in a family member's key, and only there", () => {
    expect(yearlyOccurrenceKey(12, 'birth_date', 2027, null)).toBe('12@birth_date:2027');
    expect(yearlyOccurrenceKey(12, 'birth_date', 2027, 5)).toBe('12/fm5@2027');
    expect(familyMemberIdOf('12/fm5@2027')).toBe(5);
    expect(familyMemberIdOf('12@birth_date:2027')).toBeNull();
  });
});
