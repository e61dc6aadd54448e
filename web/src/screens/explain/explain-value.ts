import { formatInstant } from '../../format/format-instant';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A value of an explanation as staff read it: instants in the studio's zone, flags as yes/no, lists
 * joined, nothing as a dash. The API keeps values raw so that integrations can compare them.
 */
export function explainValue(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return INSTANT.test(value) ? formatInstant(value, timeZone) : value;
  if (Array.isArray(value))
    return value.length === 0 ? 'none' : value.map((v) => explainValue(v, timeZone)).join(', ');
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** Pass, fail, or decided later (Allow Marketing is checked when the item is processed). */
export function passWord(pass: boolean | null): { label: string; color: string } {
  if (pass === null) return { label: 'At processing', color: 'gray' };
  return pass ? { label: 'Pass', color: 'green' } : { label: 'Fail', color: 'red' };
}
