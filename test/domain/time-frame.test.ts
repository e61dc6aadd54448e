import { describe, expect, it } from 'vitest';
import { isInsideTimeFrame, timeFrameProblems, type TimeFrame } from '../../src/domain/time-frame.js';

const NY = 'America/New_York';
const inside = (iso: string, frame: TimeFrame) => isInsideTimeFrame(new Date(iso), frame, NY);

describe('isInsideTimeFrame', () => {
  const office: TimeFrame = { from: '09:00', to: '17:00', blocked_weekdays: [7] };

  it('opens at "from" and closes at "to", in studio-local time', () => {
    // Saturday 7 March 2026, EST (UTC-5).
    expect(inside('2026-03-07T13:59:00Z', office)).toBe(false); // 08:59
    expect(inside('2026-03-07T14:00:00Z', office)).toBe(true); // 09:00
    expect(inside('2026-03-07T21:59:00Z', office)).toBe(true); // 16:59
    expect(inside('2026-03-07T22:00:00Z', office)).toBe(false); // 17:00
  });

  it('stays closed on a blocked weekday', () => {
    expect(inside('2026-03-08T16:00:00Z', office)).toBe(false); // Sunday 12:00 EDT
    expect(inside('2026-03-09T16:00:00Z', office)).toBe(true); // Monday 12:00 EDT
  });

  it('follows the local clock on the daylight-saving day', () => {
    // Monday 9 March 2026 is EDT (UTC-4): 09:00 local is 13:00Z.
    expect(inside('2026-03-09T12:59:00Z', office)).toBe(false);
    expect(inside('2026-03-09T13:00:00Z', office)).toBe(true);
  });

  it('runs a frame across midnight and keeps the night of a blocked day quiet', () => {
    const night: TimeFrame = { from: '22:00', to: '06:00', blocked_weekdays: [7] };
    expect(inside('2026-03-08T04:00:00Z', night)).toBe(true); // Saturday night, 23:00 EST
    expect(inside('2026-03-08T06:00:00Z', night)).toBe(true); // 01:00 Sunday, Saturday's frame
    expect(inside('2026-03-09T03:00:00Z', night)).toBe(false); // 23:00 Sunday EDT
    expect(inside('2026-03-09T05:00:00Z', night)).toBe(false); // 01:00 Monday, Sunday's frame
    expect(inside('2026-03-09T15:00:00Z', night)).toBe(false); // 11:00 Monday, outside
    expect(inside('2026-03-10T03:00:00Z', night)).toBe(true); // 23:00 Monday
  });

  it('is open all day without from/to, except on blocked weekdays', () => {
    const allDay: TimeFrame = { from: null, to: null, blocked_weekdays: [6, 7] };
    expect(inside('2026-03-06T04:59:00Z', allDay)).toBe(true); // Thursday 23:59
    expect(inside('2026-03-07T05:00:00Z', allDay)).toBe(false); // Saturday 00:00
  });
});

describe('timeFrameProblems', () => {
  it('rejects an empty frame, bad times and a week with no day to process', () => {
    expect(timeFrameProblems({ from: '09:00', to: '09:00', blocked_weekdays: [] }, 'frame')).toEqual([
      { path: 'frame.to', problem: 'must differ from "from": the time frame would be empty' },
    ]);
    expect(
      timeFrameProblems({ from: '9am', to: null, blocked_weekdays: [1, 2, 3, 4, 5, 6, 7] }, 'frame'),
    ).toHaveLength(3);
    expect(timeFrameProblems({ from: null, to: null, blocked_weekdays: [8] }, 'frame')).toEqual([
      { path: 'frame.blocked_weekdays', problem: 'must list ISO weekdays 1 (Monday) to 7 (Sunday)' },
    ]);
    expect(timeFrameProblems({ from: '22:00', to: '06:00', blocked_weekdays: [7] }, 'frame')).toEqual([]);
  });
});
