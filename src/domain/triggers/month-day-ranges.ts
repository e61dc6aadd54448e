/**
 * The month-days (`MM-DD`) a yearly date must have to fall in [lo, hi] (`YYYY-MM-DD`) in some year,
 * as inclusive ranges, so candidates are selected by `substr(date, 6, 5)` instead of reading every
 * record; null when the range covers a whole year. A range that crosses New Year splits in two. A
 * range ending on 28 February also takes 29 February, which falls on the 28th in common years.
 */
export function monthDayRanges(lo: string, hi: string): (readonly [string, string])[] | null {
  const [loYear, hiYear] = [Number(lo.slice(0, 4)), Number(hi.slice(0, 4))];
  const [from, to] = [lo.slice(5), widen(hi.slice(5))];
  if (hiYear - loYear >= 2 || (hiYear > loYear && to >= from)) return null;
  return loYear === hiYear
    ? [[from, to]]
    : [
        [from, '12-31'],
        ['01-01', to],
      ];
}

function widen(monthDay: string): string {
  return monthDay === '02-28' ? '02-29' : monthDay;
}
