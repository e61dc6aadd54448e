import type { FieldDef, RecordKind } from '../domain/record-kinds/index.js';
import type { LooseRow } from './record-table.js';

export type RecordJson = Record<string, unknown>;

/** Turns a stored row into the API's form: booleans as booleans, JSON parsed, internals dropped. */
export function rowToJson(fields: readonly FieldDef[], row: LooseRow, withMeta = true): RecordJson {
  const out: RecordJson = {};
  if (withMeta) out.id = row.id;
  for (const field of fields) out[field.name] = fieldToJson(field, row[field.name] ?? null);
  if (withMeta) {
    out.created_at = row.created_at;
    out.updated_at = row.updated_at;
  }
  return out;
}

function fieldToJson(field: FieldDef, value: string | number | null): unknown {
  if (value === null) return field.type === 'bool' ? false : null;
  if (field.type === 'bool') return value === 1 || value === '1';
  if (field.type === 'json') return JSON.parse(String(value));
  return value;
}

export function recordJson(kind: RecordKind, row: LooseRow): RecordJson {
  return rowToJson(kind.fields, row);
}
