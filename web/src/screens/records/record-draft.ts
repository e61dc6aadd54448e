import type { FieldDef, RecordKind } from '../../../../src/domain/record-kinds/index';
import { instantOfStudioTime, studioTimeOfInstant } from '../../format/studio-local-time';

/**
 * A record while it is being edited: each field in the form its input holds (money in units, not
 * cents; a date-time as the studio's wall-clock time; JSON as text), and each collection as rows.
 */
export type DraftValue = string | number | boolean | null;
export type RowDraft = Record<string, DraftValue>;
export type Draft = Record<string, DraftValue | RowDraft[]>;

export function draftValueOf(field: FieldDef, stored: unknown, timeZone: string): DraftValue {
  const value = stored === undefined ? (field.default ?? null) : stored;
  switch (field.type) {
    case 'bool':
      return Boolean(value);
    case 'money':
      return typeof value === 'number' ? value / 100 : '';
    case 'int':
      return typeof value === 'number' ? value : '';
    case 'datetime':
      return typeof value === 'string' && value ? studioTimeOfInstant(value, timeZone) : '';
    case 'ref':
      return value == null ? null : String(value);
    case 'choice':
      return typeof value === 'string' ? value : null;
    case 'json':
      return value == null ? '' : JSON.stringify(value, null, 2);
    default:
      return value == null ? '' : String(value);
  }
}

/** The draft of a record (null: a new one, with the kind's defaults and `prefill` given). */
export function draftOf(
  kind: RecordKind,
  fields: readonly FieldDef[],
  record: Readonly<Record<string, unknown>> | null,
  timeZone: string,
  prefill: Readonly<Record<string, unknown>> = {},
): Draft {
  const draft: Draft = {};
  const source = record ?? prefill;
  for (const field of fields) draft[field.name] = draftValueOf(field, source[field.name], timeZone);
  for (const collection of kind.collections ?? []) {
    const rows = Array.isArray(record?.[collection.name]) ? (record[collection.name] as unknown[]) : [];
    draft[collection.name] = rows.map((row) => rowDraftOf(collection.fields, row, timeZone));
  }
  return draft;
}

export function rowDraftOf(fields: readonly FieldDef[], row: unknown, timeZone: string): RowDraft {
  const source = (row ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f.name, draftValueOf(f, source[f.name], timeZone)]));
}

export type Converted = { value: unknown } | { problem: string };

/** A draft value in the API's form, or what is wrong with it before the API is even asked. */
export function apiValueOf(field: FieldDef, value: DraftValue, timeZone: string): Converted {
  if (field.type === 'bool') return { value: Boolean(value) };
  if (value === null || value === '') return { value: null };
  switch (field.type) {
    case 'int':
      return { value: Number(value) };
    case 'money':
      return { value: Math.round(Number(value) * 100) };
    case 'ref':
      return { value: Number(value) };
    case 'datetime':
      try {
        return { value: instantOfStudioTime(String(value), timeZone) };
      } catch {
        return { problem: 'must be a date and a time' };
      }
    case 'json':
      try {
        return { value: JSON.parse(String(value)) as unknown };
      } catch {
        return { problem: 'is not valid JSON (check quotes, commas and brackets)' };
      }
    default:
      return { value };
  }
}
