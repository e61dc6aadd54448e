import type { FieldDef, RecordKind } from '../../../../src/domain/record-kinds/index';
import { apiValueOf, type Draft, type DraftValue, type RowDraft } from './record-draft';

/** A request body made of a draft, and the problems found before sending it (by field path). */
export interface DraftBody {
  readonly body: Record<string, unknown>;
  readonly problems: Record<string, string>;
}

/**
 * The body of a create (every field given a value; left-out ones take the kind's defaults) or of an
 * update (only the fields changed since `original`, so a save never rewrites what it did not touch).
 */
export function bodyOfDraft(
  kind: RecordKind,
  fields: readonly FieldDef[],
  draft: Draft,
  original: Draft | null,
  timeZone: string,
): DraftBody {
  const body: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const value = draft[field.name] as DraftValue;
    if (original && original[field.name] === value) continue;
    const converted = apiValueOf(field, value, timeZone);
    if ('problem' in converted) problems[field.name] = converted.problem;
    else if (original || converted.value !== null) body[field.name] = converted.value;
  }
  for (const collection of kind.collections ?? []) {
    const rows = draft[collection.name] as RowDraft[];
    if (original && JSON.stringify(original[collection.name]) === JSON.stringify(rows)) continue;
    if (!original && rows.length === 0) continue;
    body[collection.name] = rows.map((row, index) => {
      const out: Record<string, unknown> = {};
      for (const field of collection.fields) {
        const converted = apiValueOf(field, row[field.name] ?? null, timeZone);
        if ('problem' in converted) problems[`${collection.name}.${index}.${field.name}`] = converted.problem;
        else if (converted.value !== null) out[field.name] = converted.value;
      }
      return out;
    });
  }
  return { body, problems };
}
