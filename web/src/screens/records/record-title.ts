import type { RecordKind } from '../../../../src/domain/record-kinds/index';
import { formatInstant } from '../../format/format-instant';

const NAME_FIELDS = [
  'name',
  'subject',
  'code',
  'invoice_number',
  'order_number',
  'session_number',
  'description',
  'title',
];

/**
 * How a record is named wherever it is referred to (a ref field, a picker, a heading): a person's
 * name, else its own name, subject, number or description, else its kind and id; dated records add
 * their date so that two sessions of one client can be told apart.
 */
export function recordTitle(kind: RecordKind, record: Readonly<Record<string, unknown>>, timeZone: string) {
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).trim() : '');
  const person = [text('first_name'), text('last_name')].filter(Boolean).join(' ');
  const name = person || NAME_FIELDS.map(text).find(Boolean) || `${kind.label} #${String(record.id)}`;
  const dateField = kind.fields.find((f) => f.name === kind.defaultSort);
  const date = dateField ? text(dateField.name) : '';
  if (!date || person) return name;
  return `${name} · ${dateField?.type === 'datetime' ? formatInstant(date, timeZone) : date}`;
}
