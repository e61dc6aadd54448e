import type { Transaction } from 'kysely';
import { recordKind } from '../../domain/record-kinds/index.js';
import type { BoundKind } from '../../domain/web-forms/form-bindings.js';
import type { FormField } from '../../domain/web-forms/form-definition.js';
import type { Answer } from '../../domain/web-forms/check-form-answers.js';
import type { Db } from '../../store/database.js';
import { getRecord } from '../../store/records.js';
import type { RecordJson } from '../../store/row-mapping.js';
import type { Database } from '../../store/schema.js';
import type { StudioContext } from '../../store/studio-context.js';

/** The records a form instance is about, by kind (a contact-us form has none until it is sent). */
export type BoundIds = Partial<Record<BoundKind, number | null>>;
export type BoundRecords = Partial<Record<BoundKind, RecordJson>>;

/** Reads the records the form's fields are bound to; a record that is gone is simply absent. */
export async function readBoundRecords(
  db: Db | Transaction<Database>,
  studio: StudioContext,
  fields: readonly FormField[],
  ids: BoundIds,
): Promise<BoundRecords> {
  const out: BoundRecords = {};
  const kinds = new Set(fields.flatMap((f) => (f.bound ? [f.bound.kind] : [])));
  for (const kind of kinds) {
    const id = ids[kind];
    if (id == null) continue;
    out[kind] = await getRecord(db as Db, studio, recordKind(kind), id).catch(() => undefined);
  }
  return out;
}

/** The value a bound field shows when the page opens: the record's, in the form's own spelling. */
export function prefillOf(field: FormField, records: BoundRecords): string {
  const bound = field.bound;
  const record = bound ? records[bound.kind] : undefined;
  if (!bound || !record) return '';
  let value: unknown = record[bound.field.name];
  if (bound.virtual) value = listEntryOf(record, bound.field.name)?.value;
  if (field.type === 'checkbox') return value === true ? 'yes' : '';
  return value === null || value === undefined ? '' : String(value);
}

type ListEntry = { list: RecordJson[]; index: number; value: unknown };

/** The primary email address (else the first), or the first phone number, of a client. */
function listEntryOf(client: RecordJson, name: string): ListEntry | undefined {
  const list = (client[name === 'email' ? 'emails' : 'phones'] ?? []) as RecordJson[];
  if (list.length === 0) return { list, index: -1, value: null };
  const primary = name === 'email' ? list.findIndex((row) => row.is_primary === true) : -1;
  const index = primary >= 0 ? primary : 0;
  return { list, index, value: list[index]?.[name === 'email' ? 'address' : 'number'] };
}

/**
 * The update body of each bound record: the answers of its bound fields under the record's own
 * field names. An email or phone answer replaces the client's primary address or first number (or
 * adds one); an emptied one leaves the client's lists alone, since a form should not delete how a
 * studio reaches its client.
 */
export function boundUpdates(
  fields: readonly FormField[],
  answers: Record<string, Answer>,
  records: BoundRecords,
): Partial<Record<BoundKind, Record<string, unknown>>> {
  const updates: Partial<Record<BoundKind, Record<string, unknown>>> = {};
  for (const field of fields) {
    const bound = field.bound;
    if (!bound) continue;
    const answer = answers[field.name] ?? null;
    const body = (updates[bound.kind] ??= {});
    if (!bound.virtual) {
      body[bound.field.name] = answer;
      continue;
    }
    const record = records[bound.kind];
    const entry = record ? listEntryOf(record, bound.field.name) : undefined;
    if (answer === null || (entry && entry.value === answer)) continue;
    const isEmail = bound.field.name === 'email';
    const list = (entry?.list ?? []).map((row) => ({ ...row }));
    const key = isEmail ? 'address' : 'number';
    const target = entry && entry.index >= 0 ? list[entry.index] : undefined;
    if (target) target[key] = answer;
    else list.push(isEmail ? { address: answer, is_primary: true } : { number: answer, label: 'mobile' });
    body[isEmail ? 'emails' : 'phones'] = list;
  }
  return updates;
}
