import { describe, expect, it } from 'vitest';
import { anchorBounds, anchorDateBounds } from '../../src/domain/triggers/anchor-bounds.js';
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
  ];

  it('contains every anchor whose trigger date falls in the window, across the spring DST change', () => {
    const from = new Date('2026-03-06T00:00:00Z');
    const to = new Date('2026-03-12T00:00:00Z');
    for (const offset of offsets) {
      const { lo, hi } = anchorBounds(from, to, offset, WEEK);
      // Every anchor each 15 minutes over a month around the window.
      for (let t = Date.parse('2026-02-20T00:00:00Z'); t < Date.parse('2026-03-30T00:00:00Z'); t += 900_000) {
        const date = triggerDate({ kind: 'instant', at: new Date(t) }, offset, NY, WEEK).getTime();
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
});
