import type { FieldDef } from '../../../../src/domain/record-kinds/index';
import { formatInstant } from '../../format/format-instant';

/** Whole cents as the amount a person reads: 123456 → "1,234.56". */
export function formatCents(cents: number): string {
  return (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "session_fees" → "session fees": choices are stored as words joined by underscores. */
export const choiceLabel = (choice: string) => choice.replace(/_/g, ' ');

/**
 * A stored value as text for a detail view or a list cell (refs are named elsewhere: they need the
 * API). Empty values read as a dash; instants in the studio's zone, which the screen names.
 */
export function formatFieldValue(field: FieldDef, value: unknown, timeZone: string): string {
  if (field.type === 'bool') return value ? 'Yes' : 'No';
  if (value === null || value === undefined || value === '') return '—';
  switch (field.type) {
    case 'money':
      return formatCents(Number(value));
    case 'datetime':
      return formatInstant(String(value), timeZone);
    case 'choice':
      return choiceLabel(String(value));
    case 'json':
      return JSON.stringify(value, null, 2);
    default:
      return String(value);
  }
}
