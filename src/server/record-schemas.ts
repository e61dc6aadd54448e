import type { CollectionDef, FieldDef, RecordKind } from '../domain/record-kinds/index.js';
import { listParameters } from '../store/list-records.js';

/**
 * JSON Schemas for the OpenAPI document, derived from the registry. Request bodies are checked by
 * the domain validator (which reports every problem with its field path and is shared with the CSV
 * import), so these schemas describe rather than validate input.
 */
type Schema = Record<string, unknown>;

function fieldSchema(field: FieldDef): Schema {
  const base: Schema = { description: field.label };
  const nullable = (schema: Schema): Schema => (field.required ? schema : { ...schema, nullable: true });
  switch (field.type) {
    case 'int':
    case 'ref':
      return nullable({
        ...base,
        type: 'integer',
        ...(field.min !== undefined ? { minimum: field.min } : {}),
        ...(field.max !== undefined ? { maximum: field.max } : {}),
      });
    case 'money':
      return nullable({ ...base, type: 'integer', description: `${field.label} (cents)` });
    case 'bool':
      return { ...base, type: 'boolean' };
    case 'date':
      return nullable({ ...base, type: 'string', format: 'date' });
    case 'datetime':
      return nullable({ ...base, type: 'string', format: 'date-time' });
    case 'email':
      return nullable({ ...base, type: 'string', format: 'email' });
    case 'phone':
      return nullable({ ...base, type: 'string', description: `${field.label} (stored in E.164)` });
    case 'choice':
      return nullable({ ...base, type: 'string', enum: [...(field.choices ?? [])] });
    case 'json':
      return nullable({ ...base, type: 'object', additionalProperties: true });
    default:
      return nullable({
        ...base,
        type: 'string',
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
      });
  }
}

function collectionSchema(collection: CollectionDef): Schema {
  return {
    type: 'array',
    description: collection.label,
    items: {
      type: 'object',
      properties: Object.fromEntries(collection.fields.map((f) => [f.name, fieldSchema(f)])),
    },
  };
}

export function recordSchema(kind: RecordKind): Schema {
  return {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      ...Object.fromEntries(kind.fields.map((f) => [f.name, fieldSchema(f)])),
      ...Object.fromEntries((kind.collections ?? []).map((c) => [c.name, collectionSchema(c)])),
      created_at: { type: 'string', format: 'date-time' },
      updated_at: { type: 'string', format: 'date-time' },
    },
  };
}

export function inputSchema(kind: RecordKind, mode: 'create' | 'update'): Schema {
  const writable = kind.fields.filter((f) => !f.readOnly && !(mode === 'update' && f.immutable));
  return {
    type: 'object',
    description: `Fields of ${kind.label.toLowerCase()}; all are checked and every problem is reported.`,
    properties: {
      ...Object.fromEntries(writable.map((f) => [f.name, fieldSchema(f)])),
      ...Object.fromEntries((kind.collections ?? []).map((c) => [c.name, collectionSchema(c)])),
    },
    ...(mode === 'create' ? { required: writable.filter((f) => f.required).map((f) => f.name) } : {}),
  };
}

export function listQuerySchema(kind: RecordKind): Schema {
  const describe = (p: ReturnType<typeof listParameters>[number]): string => {
    if (p.role === 'from') return `${p.field?.label}: on or after`;
    if (p.role === 'to') return `${p.field?.label}: on or before`;
    if (p.role === 'equals') return `${p.field?.label} equals (empty or "null": has none)`;
    if (p.name === 'sort') return `Field to sort by, "-" first for descending (default ${kind.defaultSort})`;
    if (p.name === 'q') return 'Text search (case-insensitive substring)';
    if (p.name === 'cursor') return 'next_cursor from the previous page';
    return 'Page size, 1 to 500 (default 50)';
  };
  return {
    type: 'object',
    properties: Object.fromEntries(
      listParameters(kind).map((p) => [p.name, { type: 'string', description: describe(p) }]),
    ),
  };
}

export const errorSchema: Schema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    details: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, problem: { type: 'string' } } },
    },
  },
};
