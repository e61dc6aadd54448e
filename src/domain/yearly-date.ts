/**
 * The date a yearly anchor (birthday, anniversary) falls on in a given year. 29 February falls on
 * 28 February in years that have no 29th (SPEC §3.1), so such clients are not skipped for three
 * years out of four.
 */
export function yearlyDate(isoDate: string, year: number): string {
  const month = Number(isoDate.slice(5, 7));
  let day = Number(isoDate.slice(8, 10));
  if (month === 2 && day === 29 && !isLeapYear(year)) day = 28;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
