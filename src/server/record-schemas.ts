import type { CollectionDef, FieldDef, RecordKind } from '../domain/record-kinds/index.js';

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
        ...(field.type === 'ref' ? { description: `${field.label} (id of a ${refNoun(field)})` } : {}),
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
      return nullable({
        ...base,
        type: 'string',
        format: 'date-time',
        description: `${field.label}: an instant with a UTC offset in, UTC out`,
      });
    case 'email':
      return nullable({ ...base, type: 'string', format: 'email' });
    case 'phone':
      return nullable({
        ...base,
        type: 'string',
        description: `${field.label}: stored in E.164; without "+" it is read in the studio country`,
      });
    case 'choice':
      return nullable({ ...base, type: 'string', enum: [...(field.choices ?? [])] });
    case 'json':
      return nullable({
        ...base,
        type: 'object',
        additionalProperties: true,
        description: `${field.label}: a JSON object or list, at most 64 KiB`,
      });
    default:
      return nullable({
        ...base,
        type: 'string',
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
      });
  }
}

function refNoun(field: FieldDef): string {
  if (field.ref === 'user') return 'staff user of the studio';
  if (field.ref === 'type' && field.typeKind) return `${field.typeKind.replaceAll('_', ' ')} type`;
  return String(field.ref).replaceAll('_', ' ');
}

function withFlags(field: FieldDef): Schema {
  const schema = fieldSchema(field);
  if (field.readOnly) return { ...schema, readOnly: true };
  return field.immutable
    ? { ...schema, description: `${String(schema.description)} (fixed once created)` }
    : schema;
}

function collectionSchema(collection: CollectionDef, mode: 'read' | 'write'): Schema {
  const required = collection.fields.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'array',
    description:
      mode === 'write' ? `${collection.label}: the whole list, replacing the current one` : collection.label,
    items: {
      type: 'object',
      properties: Object.fromEntries(collection.fields.map((f) => [f.name, fieldSchema(f)])),
      ...(mode === 'write' ? { additionalProperties: false, ...(required.length ? { required } : {}) } : {}),
    },
  };
}

export function recordSchema(kind: RecordKind): Schema {
  return {
    type: 'object',
    properties: {
      id: { type: 'integer', readOnly: true },
      ...Object.fromEntries(kind.fields.map((f) => [f.name, withFlags(f)])),
      ...Object.fromEntries((kind.collections ?? []).map((c) => [c.name, collectionSchema(c, 'read')])),
      created_at: { type: 'string', format: 'date-time', readOnly: true },
      updated_at: { type: 'string', format: 'date-time', readOnly: true },
    },
  };
}

export function inputSchema(kind: RecordKind, mode: 'create' | 'update'): Schema {
  const writable = kind.fields.filter((f) => !f.readOnly && !(mode === 'update' && f.immutable));
  const required = writable.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'object',
    description:
      mode === 'create'
        ? `A new ${kind.label.toLowerCase()}. Every field is checked and every problem reported at once.`
        : `Only the fields given change; null clears an optional field. Every problem is reported at once.`,
    properties: {
      ...Object.fromEntries(writable.map((f) => [f.name, withFlags(f)])),
      ...Object.fromEntries((kind.collections ?? []).map((c) => [c.name, collectionSchema(c, 'write')])),
    },
    additionalProperties: false,
    ...(mode === 'create' && required.length > 0 ? { required } : {}),
  };
}

export const statusChangeSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status_id: {
      type: 'integer',
      nullable: true,
      description: 'The status to enter; null leaves the current one',
    },
    due_date: {
      type: 'string',
      format: 'date',
      nullable: true,
      description: "Overrides the due date computed from the status's duration; null: no due date",
    },
    note: { type: 'string', maxLength: 2000, nullable: true },
  },
  required: ['status_id'],
};

export const statusHistorySchema: Schema = {
  type: 'object',
  properties: {
    data: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          status_id: { type: 'integer' },
          status_name: { type: 'string' },
          entered_at: { type: 'string', format: 'date-time' },
          due_date: { type: 'string', format: 'date', nullable: true },
          left_at: {
            type: 'string',
            format: 'date-time',
            nullable: true,
            description: 'null: the current stay',
          },
          user_id: { type: 'integer', nullable: true, description: 'The staff user who made the change' },
          note: { type: 'string', nullable: true },
        },
      },
    },
  },
};

export const errorSchema: Schema = {
  type: 'object',
  description: 'An error: a code, a sentence, and every problem with the path of its field',
  properties: {
    code: { type: 'string', example: 'ERR_VALIDATION' },
    message: { type: 'string' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string', example: 'phones.0.number' },
          problem: { type: 'string', example: 'is not a valid phone number (read in country US)' },
        },
      },
    },
  },
};

/** OpenAPI operation ids, e.g. `listSessions`, `changeSessionStatus`. */
export function operationId(verb: string, kind: RecordKind, plural = false): string {
  const words = (plural ? kind.plural : kind.label).split(/[\s_-]+/);
  return verb + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
}
