/**
 * The filters Triggerfish adds to (or overrides in) LiquidJS: dates in the studio's time zone,
 * money from integer cents, phone numbers in the studio's national format. Each set is built for
 * one studio's settings, so nothing reads a global time zone, locale or clock.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { filters as builtInFilters, type FilterImplOptions } from 'liquidjs';
import { DateTime } from 'luxon';

export interface FilterSettings {
  /** IANA zone the studio works in, e.g. America/New_York. */
  readonly timeZone: string;
  /** ISO 3166 alpha-2 country of the studio, e.g. US; phone numbers of this country print nationally. */
  readonly country: string;
  /** ISO 4217 currency of money fields. */
  readonly currency: string;
  /** BCP 47 locale used for money. */
  readonly locale: string;
}

type FilterFn = (this: unknown, value: unknown, ...args: unknown[]) => unknown;

const DATE_FILTERS = [
  'date',
  'date_to_xmlschema',
  'date_to_rfc822',
  'date_to_string',
  'date_to_long_string',
] as const;

/**
 * Liquid reads a date-only value such as `2026-03-08` as UTC midnight, which is the evening before
 * in any zone west of Greenwich; a local date (a birthday, a due date) must print as that day. The
 * words `now` and `today` would read the system clock; "now" comes in the merge data instead.
 */
function studioInstant(value: unknown, timeZone: string): unknown {
  if (value === 'now' || value === 'today') {
    throw new Error(`"${value}" is not available in templates; use the now merge field`);
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const local = DateTime.fromISO(value, { zone: timeZone });
    return local.isValid ? local.toISO() : value;
  }
  return value;
}

/** Integer cents as the studio writes money ($1,234.50); shared by templates and documents. */
export function moneyFormatter(
  settings: Pick<FilterSettings, 'currency' | 'locale'>,
): (cents: number) => string {
  const format = new Intl.NumberFormat(settings.locale, { style: 'currency', currency: settings.currency });
  return (cents) => format.format(cents / 100);
}

function money(settings: FilterSettings): FilterFn {
  const format = moneyFormatter(settings);
  return (value) => {
    if (value === null || value === undefined || value === '') return '';
    const cents = typeof value === 'string' ? Number(value) : value;
    if (typeof cents !== 'number' || !Number.isInteger(cents)) {
      throw new Error(`money expects a whole number of cents, got ${JSON.stringify(value)}`);
    }
    return format(cents);
  };
}

function phone(settings: FilterSettings): FilterFn {
  return (value) => {
    if (value === null || value === undefined || value === '') return '';
    const text = String(value);
    const parsed = parsePhoneNumberFromString(text, settings.country as CountryCode);
    // A number that does not parse is printed as stored rather than failing the whole message.
    if (!parsed) return text;
    return parsed.country === settings.country ? parsed.formatNational() : parsed.formatInternational();
  };
}

export function templateFilters(settings: FilterSettings): Record<string, FilterImplOptions> {
  const out: Record<string, FilterImplOptions> = {
    money: money(settings),
    phone: phone(settings),
  };
  for (const name of DATE_FILTERS) {
    const original = builtInFilters[name] as FilterFn;
    out[name] = function (this: unknown, value: unknown, ...args: unknown[]) {
      if (value === null || value === undefined || value === '') return '';
      return original.call(this, studioInstant(value, settings.timeZone), ...args);
    };
  }
  return out;
}
