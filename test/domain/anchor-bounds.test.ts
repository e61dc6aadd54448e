import { describe, expect, it } from 'vitest';
import { anchorBounds, anchorDateBounds } from '../../src/domain/triggers/anchor-bounds.js';
import { dueAnchorDates } from '../../src/domain/triggers/due-anchor-dates.js';
import { dueAnchorRanges } from '../../src/domain/triggers/due-anchor-ranges.js';
import { triggerDate } from '../../src/domain/trigger-date.js';
import type { TriggerOffset } from '../../src/domain/trigger-offset.js';
import { parseWorkWeek } from '../../src/domain/work-week.js';

const WEEK = parseWorkWeek('1,2,3,4,5');
const NY = 'America/New_York';

describe('anchorBounds', () => {
  const offsets: TriggerOffset[] = [
    { when: 'on' },
    { when: 'before', amount: 90, unit: 'minutes' },
    { when: 'after', amount: 5, unit: 'hours' },
    { when: 'before', amount: 7, unit: 'days' },
    { when: 'after', amount: 1, unit: 'business_days' },
    { when: 'before', amount: 3, unit: 'business_days' },
    { when: 'after', amount: 5, unit: 'business_days' },
    { when: 'before', amount: 6, unit: 'business_days' },
    { when: 'after', amount: 11, unit: 'business_days' },
  ];

  it('contains every anchor whose trigger date falls in the window, across the spring DST change', () => {
    const from = new Date('2026-03-06T00:00:00Z');
    const to = new Date('2026-03-12T00:00:00Z');
    for (const [week, offset] of [
      ...offsets.map((o) => [WEEK, o] as const),
      ...offsets.map((o) => [parseWorkWeek('2,3,4'), o] as const),
    ]) {
      const { lo, hi } = anchorBounds(from, to, offset, week);
      // Every anchor each half hour over a month around the window.
      for (
        let t = Date.parse('2026-02-20T00:00:00Z');
        t < Date.parse('2026-03-30T00:00:00Z');
        t += 1_800_000
      ) {
        const date = triggerDate({ kind: 'instant', at: new Date(t) }, offset, NY, week).getTime();
        if (date > from.getTime() && date <= to.getTime()) {
          expect(
            t > lo.getTime() && t <= hi.getTime(),
            `${JSON.stringify(offset)} anchor ${new Date(t).toISOString()}`,
          ).toBe(true);
        }
      }
    }
  });

  it('contains every date anchor whose trigger date falls in the window', () => {
    const from = new Date('2026-03-06T05:00:00Z');
    const to = new Date('2026-03-09T04:00:00Z');
    for (const offset of offsets) {
      const { lo, hi } = anchorDateBounds(from, to, offset, WEEK);
      for (let day = 1; day <= 28; day += 1) {
        const date = `2026-03-${String(day).padStart(2, '0')}`;
        const due = triggerDate({ kind: 'date', date }, offset, NY, WEEK).getTime();
        if (due > from.getTime() && due <= to.getTime()) {
          expect(date >= lo && date <= hi, `${JSON.stringify(offset)} ${date}`).toBe(true);
        }
      }
    }
  });

  it('stays narrow for exact offsets, so a quiet pass reads little', () => {
    const from = new Date('2026-03-06T12:00:00Z');
    const to = new Date('2026-03-06T12:01:00Z');
    const { lo, hi } = anchorBounds(from, to, { when: 'before', amount: 2, unit: 'days' }, WEEK);
    expect(hi.getTime() - lo.getTime()).toBeLessThanOrEqual(5 * 3_600_000);
  });

  it('lists exactly the date anchors falling due in a window, none for a quiet minute', () => {
    const sixDays = parseWorkWeek('1,2,3,4,5,6');
    const windows: [string, string][] = [
      ['2026-03-06T05:00:00Z', '2026-03-09T04:00:00Z'],
      ['2026-03-08T04:59:00Z', '2026-03-08T05:00:00Z'],
      ['2026-03-08T12:00:00Z', '2026-03-08T12:01:00Z'],
    ];
    for (const week of [WEEK, sixDays]) {
      for (const offset of [...offsets, { when: 'after', amount: 3, unit: 'hours' } as const]) {
        for (const [from, to] of windows) {
          const expected: string[] = [];
          for (let day = Date.parse('2026-01-01'); day < Date.parse('2026-05-01'); day += 86_400_000) {
            const date = new Date(day).toISOString().slice(0, 10);
            const due = triggerDate({ kind: 'date', date }, offset, NY, week).getTime();
            if (due > Date.parse(from) && due <= Date.parse(to)) expected.push(date);
          }
          const listed = dueAnchorDates(new Date(from), new Date(to), offset, NY, week);
          expect(listed, `${JSON.stringify(offset)} ${from}`).toEqual(expected);
        }
      }
    }
    // A minute with no studio-local midnight in it falls due for no date at all.
    expect(
      dueAnchorDates(new Date(windows[2]![0]), new Date(windows[2]![1]), { when: 'on' }, NY, WEEK),
    ).toEqual([]);
  });

  it('narrows instants moved by days or business days to the hours that can fall due, across DST', () => {
    const windows = [
      ['2026-03-06T00:00:00Z', '2026-03-12T00:00:00Z'],
      ['2026-03-09T14:00:00Z', '2026-03-09T14:01:00Z'],
      ['2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z'],
    ].map(([from, to]) => [new Date(from as string), new Date(to as string)] as const);
    const moved = offsets.filter((o) => o.when !== 'on' && (o.unit === 'days' || o.unit === 'business_days'));
    for (const week of [WEEK, parseWorkWeek('2,3,4')]) {
      for (const offset of moved) {
        const ranges = windows.map(([from, to]) => dueAnchorRanges(from, to, offset, NY, week) ?? []);
        // Every anchor each half hour over the weeks around the windows, its trigger date once.
        for (
          let t = Date.parse('2026-02-14T00:00:00Z');
          t < Date.parse('2026-03-20T00:00:00Z');
          t += 1_800_000
        ) {
          const date = triggerDate({ kind: 'instant', at: new Date(t) }, offset, NY, week).getTime();
          windows.forEach(([from, to], i) => {
            if (date > from.getTime() && date <= to.getTime()) {
              expect(
                ranges[i]!.some((r) => t >= r.lo.getTime() && t <= r.hi.getTime()),
                `${JSON.stringify(offset)} ${from.toISOString()} anchor ${new Date(t).toISOString()}`,
              ).toBe(true);
            }
          });
        }
      }
    }
    // A quiet minute reads a few hours of one day, not the span of two business days.
    const quiet = dueAnchorRanges(
      new Date('2026-03-09T14:00:00Z'),
      new Date('2026-03-09T14:01:00Z'),
      { when: 'before', amount: 2, unit: 'business_days' },
      NY,
      WEEK,
    );
    expect(quiet?.reduce((sum, r) => sum + r.hi.getTime() - r.lo.getTime(), 0)).toBeLessThanOrEqual(
      5 * 3_600_000,
    );
  });
});
