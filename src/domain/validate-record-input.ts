import type { ProblemDetail } from './errors.js';
import { normalizeEmail } from './email-address.js';
import { isIsoDate, toStoredInstant } from './local-date.js';
import { normalizePhone } from './phone-number.js';
import type { FieldDef, RecordKind } from './record-kinds/index.js';

/** A value in its stored form: booleans as 0/1, JSON as text, instants as ISO-8601 UTC. */
export type StoredValue = string | number | null;
export type StoredRow = Record<string, StoredValue>;

export interface ValidationOptions {
  mode: 'create' | 'update';
  /** The studio's country, in which phone numbers without "+" are read. */
  country: string;
  /** Values come from text (a CSV file): numbers and booleans may be spelled out. */
  fromText?: boolean;
}

export interface ValidatedInput {
  values: StoredRow;
  collections: Record<string, StoredRow[]>;
  problems: ProblemDetail[];
}

const MAX_JSON_BYTES = 64 * 1024;
/** Plain `int` fields are 32-bit `integer` columns; PostgreSQL refuses anything wider. */
const INT_COLUMN_MIN = -(2 ** 31);
const INT_COLUMN_MAX = 2 ** 31 - 1;
/** Columns every record has and Triggerfish keeps; a body copied from a read may carry them. */
const META_FIELDS = new Set(['id', 'created_at', 'updated_at']);
const READ_ONLY = 'is set by Triggerfish and cannot be written';
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/**
 * Checks a create or update body against the registry and converts it to stored values. It never
 * stops at the first problem: every field is checked so that a caller can fix everything at once.
 * Checks that need the database (references, status scope) are the store's.
 */
export function validateRecordInput(
  kind: RecordKind,
  input: unknown,
  options: ValidationOptions,
): ValidatedInput {
  const problems: ProblemDetail[] = [];
  const values: StoredRow = {};
  const collections: Record<string, StoredRow[]> = {};
  if (!isPlainObject(input)) {
    return { values, collections, problems: [{ path: '', problem: 'must be a JSON object' }] };
  }
  const collectionDefs = kind.collections ?? [];
  for (const key of Object.keys(input)) {
    if (META_FIELDS.has(key)) problems.push({ path: key, problem: READ_ONLY });
    else if (!kind.fields.some((f) => f.name === key) && !collectionDefs.some((c) => c.name === key)) {
      problems.push({ path: key, problem: `is not a field of ${kind.label.toLowerCase()}` });
    }
  }
  checkFields(kind.fields, input, '', options, values, problems);
  for (const collection of collectionDefs) {
    const raw = input[collection.name];
    if (raw === undefined) continue;
    if (!Array.isArray(raw)) {
      problems.push({ path: collection.name, problem: 'must be a list' });
      continue;
    }
    collections[collection.name] = raw.map((item, index) => {
      const row: StoredRow = {};
      const path = `${collection.name}.${index}.`;
      if (!isPlainObject(item)) {
        problems.push({ path: `${collection.name}.${index}`, problem: 'must be an object' });
        return row;
      }
      for (const key of Object.keys(item)) {
        if (!collection.fields.some((f) => f.name === key)) {
          problems.push({ path: path + key, problem: 'is not a field of this list' });
        }
      }
      checkFields(collection.fields, item, path, { ...options, mode: 'create' }, row, problems);
      return row;
    });
  }
  return { values, collections, problems };
}

/**
 * Checks the given fields of an object and writes their stored values to `out`. Shared by record
 * bodies, their child rows and other bodies described with field definitions (a status change).
 */
export function checkFields(
  fields: readonly FieldDef[],
  input: Record<string, unknown>,
  prefix: string,
  options: ValidationOptions,
  out: StoredRow,
  problems: ProblemDetail[],
): void {
  for (const field of fields) {
    const path = prefix + field.name;
    const raw = input[field.name];
    if (raw === undefined) {
      if (options.mode === 'create' && !field.readOnly) {
        if (field.required) problems.push({ path, problem: 'is required' });
        else if (field.default !== undefined) out[field.name] = toStoredDefault(field.default);
      }
      continue;
    }
    if (field.readOnly) {
      problems.push({ path, problem: READ_ONLY });
      continue;
    }
    const blank = raw === null || (typeof raw === 'string' && raw.trim() === '' && field.type !== 'json');
    if (blank) {
      if (field.required) problems.push({ path, problem: 'is required' });
      else out[field.name] = field.type === 'bool' ? 0 : null;
      continue;
    }
    const result = convertValue(field, raw, options);
    if ('problem' in result) problems.push({ path, problem: result.problem });
    else out[field.name] = result.value;
  }
}

export type Conversion = { value: StoredValue } | { problem: string };

/**
 * One value to its stored form, or the problem with it. Exported for list filters, which read
 * values from the query string (`fromText`) with the same rules and words as bodies.
 */
export function convertValue(field: FieldDef, raw: unknown, options: ValidationOptions): Conversion {
  switch (field.type) {
    case 'text':
    case 'long_text': {
      if (typeof raw !== 'string') return { problem: 'must be text' };
      // Single-line text is stored trimmed, so its length is that of the trimmed text.
      const text = field.type === 'text' ? raw.trim() : raw;
      if (field.maxLength !== undefined && text.length > field.maxLength) {
        return { problem: `must be at most ${field.maxLength} characters` };
      }
      if (text.includes('\u0000')) return { problem: 'must not contain a NUL character' };
      return { value: text };
    }
    case 'int':
    case 'money':
    case 'ref':
      return convertInteger(field, raw, options);
    case 'bool': {
      if (typeof raw === 'boolean') return { value: raw ? 1 : 0 };
      if (options.fromText && typeof raw === 'string') {
        const word = raw.trim().toLowerCase();
        if (TRUE_WORDS.has(word)) return { value: 1 };
        if (FALSE_WORDS.has(word)) return { value: 0 };
      }
      return { problem: 'must be true or false' };
    }
    case 'date':
      if (typeof raw !== 'string' || !isIsoDate(raw)) return { problem: 'must be a date written YYYY-MM-DD' };
      return { value: raw };
    case 'datetime': {
      const stored = typeof raw === 'string' ? toStoredInstant(raw.trim()) : null;
      if (stored === null) {
        return { problem: 'must be a date and time with a UTC offset, e.g. 2026-12-05T14:00:00-05:00' };
      }
      return { value: stored };
    }
    case 'email': {
      const email = typeof raw === 'string' ? normalizeEmail(raw) : null;
      return email === null ? { problem: 'is not a valid email address' } : { value: email };
    }
    case 'phone': {
      if (typeof raw !== 'string') return { problem: 'must be text' };
      const phone = normalizePhone(raw, options.country);
      return phone.ok ? { value: phone.e164 } : { problem: phone.problem };
    }
    case 'choice':
      if (typeof raw !== 'string' || !field.choices?.includes(raw)) {
        return { problem: `must be one of: ${(field.choices ?? []).join(', ')}` };
      }
      return { value: raw };
    case 'json': {
      if (!isPlainObject(raw) && !Array.isArray(raw)) return { problem: 'must be a JSON object or list' };
      const text = JSON.stringify(raw);
      if (Buffer.byteLength(text) > MAX_JSON_BYTES)
        return { problem: `must be at most ${MAX_JSON_BYTES} bytes` };
      return { value: text };
    }
  }
}

function convertInteger(field: FieldDef, raw: unknown, options: ValidationOptions): Conversion {
  let value = raw;
  if (options.fromText && typeof raw === 'string' && /^-?\d+$/.test(raw.trim())) value = Number(raw.trim());
  const noun =
    field.type === 'money' ? 'a whole number of cents' : field.type === 'ref' ? 'an id' : 'a whole number';
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return { problem: `must be ${noun}` };
  if (field.type === 'ref' && value < 1) return { problem: 'must be an id (a positive whole number)' };
  const min = field.min ?? (field.type === 'int' ? INT_COLUMN_MIN : undefined);
  const max = field.max ?? (field.type === 'int' ? INT_COLUMN_MAX : undefined);
  if (min !== undefined && value < min) return { problem: `must be at least ${min}` };
  if (max !== undefined && value > max) return { problem: `must be at most ${max}` };
  return { value };
}

function toStoredDefault(value: string | number | boolean): StoredValue {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
