import { describe, expect, it } from 'vitest';
import { triggerDate, type AnchorValue } from '../../src/domain/trigger-date.js';
import { offsetProblems, type TriggerOffset } from '../../src/domain/trigger-offset.js';
import { parseWorkWeek } from '../../src/domain/work-week.js';

const NY = 'America/New_York';
const WEEK = parseWorkWeek('1,2,3,4,5');
const at = (iso: string): AnchorValue => ({ kind: 'instant', at: new Date(iso) });
const day = (date: string): AnchorValue => ({ kind: 'date', date });
const before = (amount: number, unit: 'minutes' | 'hours' | 'days' | 'business_days'): TriggerOffset => ({
  when: 'before',
  amount,
  unit,
});
const after = (amount: number, unit: 'minutes' | 'hours' | 'days' | 'business_days'): TriggerOffset => ({
  when: 'after',
  amount,
  unit,
});
const iso = (d: Date) => d.toISOString();

describe('triggerDate', () => {
  it('keeps the wall-clock time for "7 days before" a 14:00 session across the spring daylight-saving change', () => {
    // 14 March 2026 14:00 EDT is 18:00Z; seven days earlier is 7 March, 14:00 EST = 19:00Z.
    expect(iso(triggerDate(at('2026-03-14T18:00:00Z'), before(7, 'days'), NY, WEEK))).toBe(
      '2026-03-07T19:00:00.000Z',
    );
  });

  it('keeps the wall-clock time across the autumn change too', () => {
    // 5 November 2026 10:00 EST (15:00Z) -> 29 October 10:00 EDT (14:00Z).
    expect(iso(triggerDate(at('2026-11-05T15:00:00Z'), before(7, 'days'), NY, WEEK))).toBe(
      '2026-10-29T14:00:00.000Z',
    );
  });

  it('treats hours and minutes as exact durations, not wall-clock moves', () => {
    expect(iso(triggerDate(at('2026-03-09T18:00:00Z'), before(48, 'hours'), NY, WEEK))).toBe(
      '2026-03-07T18:00:00.000Z',
    );
    expect(iso(triggerDate(at('2026-03-09T18:00:00Z'), after(90, 'minutes'), NY, WEEK))).toBe(
      '2026-03-09T19:30:00.000Z',
    );
  });

  it('falls due at studio-local midnight for date anchors', () => {
    expect(iso(triggerDate(day('2026-12-05'), { when: 'on' }, NY, WEEK))).toBe('2026-12-05T05:00:00.000Z');
    expect(iso(triggerDate(day('2026-12-05'), before(2, 'days'), NY, WEEK))).toBe('2026-12-03T05:00:00.000Z');
    expect(iso(triggerDate(day('2026-07-01'), { when: 'on' }, 'Europe/Berlin', WEEK))).toBe(
      '2026-06-30T22:00:00.000Z',
    );
  });

  it('counts hours before a date anchor from its local midnight', () => {
    // Midnight of 9 March 2026 is EDT (04:00Z); three hours earlier is 01:00Z.
    expect(iso(triggerDate(day('2026-03-09'), before(3, 'hours'), NY, WEEK))).toBe(
      '2026-03-09T01:00:00.000Z',
    );
  });

  it('moves business days over the weekend and keeps the time of day', () => {
    // Monday 16 March 09:00 EDT -> Friday 13 March 09:00 EDT.
    expect(iso(triggerDate(at('2026-03-16T13:00:00Z'), before(1, 'business_days'), NY, WEEK))).toBe(
      '2026-03-13T13:00:00.000Z',
    );
    // Friday 6 March 10:00 EST + 2 business days -> Tuesday 10 March 10:00 EDT, across the change.
    expect(iso(triggerDate(at('2026-03-06T15:00:00Z'), after(2, 'business_days'), NY, WEEK))).toBe(
      '2026-03-10T14:00:00.000Z',
    );
  });

  it('uses the studio work week for business days', () => {
    const sixDays = parseWorkWeek('1,2,3,4,5,6');
    // Both after the change to EDT: local midnight is 04:00Z.
    expect(iso(triggerDate(day('2026-03-13'), after(1, 'business_days'), NY, sixDays))).toBe(
      '2026-03-14T04:00:00.000Z',
    );
    expect(iso(triggerDate(day('2026-03-13'), after(1, 'business_days'), NY, WEEK))).toBe(
      '2026-03-16T04:00:00.000Z',
    );
  });

  it('moves a wall time that does not exist on the spring-forward day forward by the gap', () => {
    // 9 March 02:30 EDT; the day before has no 02:30 in New York, so it falls due at 03:30 EDT.
    expect(iso(triggerDate(at('2026-03-09T06:30:00Z'), before(1, 'days'), NY, WEEK))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });
});

describe('offsetProblems', () => {
  it('accepts "on" and well-formed offsets', () => {
    expect(offsetProblems({ when: 'on' }, 'date_option')).toEqual([]);
    expect(offsetProblems({ when: 'before', amount: 7, unit: 'days' }, 'date_option')).toEqual([]);
  });

  it('names every problem of a bad offset with its path', () => {
    expect(offsetProblems({ when: 'before', amount: 0, unit: 'weeks' }, 'date_option')).toEqual([
      { path: 'date_option.unit', problem: 'must be one of: minutes, hours, days, business_days' },
      { path: 'date_option.amount', problem: 'must be a whole number of at least 1' },
    ]);
    expect(offsetProblems({ when: 'after', amount: 400, unit: 'days' }, 'x')).toEqual([
      { path: 'x.amount', problem: 'must be a whole number from 1 to 366' },
    ]);
    expect(offsetProblems({ when: 'soon' }, 'x')).toEqual([
      { path: 'x.when', problem: 'must be one of: on, before, after' },
    ]);
  });
});
