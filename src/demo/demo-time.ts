import { DateTime } from 'luxon';

/**
 * Studio-local time arithmetic for the demo: everything is placed relative to "now" of the clock it
 * was given, on wall-clock hours of the studio's time zone, so the calendar looks like a real week.
 */
export class DemoTime {
  readonly today: DateTime;

  constructor(
    readonly now: Date,
    readonly zone: string,
  ) {
    this.today = DateTime.fromJSDate(now, { zone }).startOf('day');
  }

  /** The instant of a studio-local wall-clock time, `days` from today. */
  at(days: number, hour: number, minute = 0): Date {
    return this.today.plus({ days }).set({ hour, minute }).toJSDate();
  }

  /** The instant of a wall-clock time on the studio-local day `days` after the day of `instant`. */
  onDayOf(instant: Date, days: number, hour: number, minute = 0): Date {
    return DateTime.fromJSDate(instant, { zone: this.zone })
      .startOf('day')
      .plus({ days })
      .set({ hour, minute })
      .toJSDate();
  }

  /** The ISO weekday (1 = Monday … 7 = Sunday) of the day `days` from today. */
  weekday(days: number): number {
    return this.today.plus({ days }).weekday;
  }

  plus(instant: Date, amount: { days?: number; hours?: number; minutes?: number }): Date {
    return DateTime.fromJSDate(instant, { zone: this.zone }).plus(amount).toJSDate();
  }

  /** Text the record validator reads: ISO-8601 with the studio's UTC offset. */
  text(instant: Date): string {
    return DateTime.fromJSDate(instant, { zone: this.zone }).toISO({ suppressMilliseconds: true }) as string;
  }

  /** The studio-local calendar date of an instant, YYYY-MM-DD. */
  date(instant: Date): string {
    return DateTime.fromJSDate(instant, { zone: this.zone }).toISODate() as string;
  }

  /** A calendar date `years` years and `days` days before today (birthdays, anniversaries). */
  dateAgo(years: number, days = 0): string {
    return this.today.minus({ years, days }).toISODate() as string;
  }

  isPast(instant: Date): boolean {
    return instant.getTime() <= this.now.getTime();
  }

  earliest(...instants: Date[]): Date {
    return new Date(Math.min(...instants.map((i) => i.getTime())));
  }

  latest(...instants: Date[]): Date {
    return new Date(Math.max(...instants.map((i) => i.getTime())));
  }
}
