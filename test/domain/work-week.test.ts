import { describe, expect, it } from 'vitest';
import { formatWorkWeek, parseWorkWeek, workWeekProblem } from '../../src/domain/work-week.js';

describe('work weeks', () => {
  it('parses ISO weekdays separated by commas, with spaces allowed', () => {
    expect([...parseWorkWeek('1,2,3,4,5')]).toEqual([1, 2, 3, 4, 5]);
    expect([...parseWorkWeek(' 6, 7 ')]).toEqual([6, 7]);
  });

  it('accepts a valid work week, including weekend days and a single day', () => {
    expect(workWeekProblem('1,2,3,4,5')).toBeNull();
    expect(workWeekProblem('2, 3, 4, 5, 6')).toBeNull();
    expect(workWeekProblem('7')).toBeNull();
  });

  it('explains what is wrong with an invalid work week', () => {
    expect(workWeekProblem('')).toMatch(/ISO weekdays 1 \(Monday\) to 7 \(Sunday\)/);
    expect(workWeekProblem('0,1')).toMatch(/ISO weekdays/);
    expect(workWeekProblem('1-5')).toMatch(/ISO weekdays/);
    expect(workWeekProblem('Mon,Tue')).toMatch(/ISO weekdays/);
    expect(workWeekProblem('1,,2')).toMatch(/ISO weekdays/);
    expect(workWeekProblem('1,2,1')).toBe('must not repeat a weekday');
  });

  it('writes a work week sorted and without repeats', () => {
    expect(formatWorkWeek([5, 1, 3, 1])).toBe('1,3,5');
    expect(formatWorkWeek(parseWorkWeek('7,6'))).toBe('6,7');
  });
});
