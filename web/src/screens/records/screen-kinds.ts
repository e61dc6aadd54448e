import {
  RECORD_KINDS,
  type FieldDef,
  type RecordKind,
  type RecordKindName,
} from '../../../../src/domain/record-kinds/index';

/**
 * The record-kind registry (src/domain/record-kinds, pure data) bundled into the web app, so that
 * every list, form and detail view is derived from the same descriptions as the API.
 */
export const RECORD_SCREEN_KINDS = RECORD_KINDS.filter((kind) => kind.category === 'record');
export const CATALOG_KINDS = RECORD_KINDS.filter((kind) => kind.category === 'catalog');

export function kindByPath(path: string | undefined): RecordKind | undefined {
  return RECORD_KINDS.find((kind) => kind.path === path);
}

export function kindByName(name: RecordKindName): RecordKind {
  const kind = RECORD_KINDS.find((k) => k.name === name);
  if (!kind) throw new Error(`no record kind ${name}`);
  return kind;
}

/** Fields a person types into: system fields never, fields fixed once created only on create. */
export function editableFields(kind: RecordKind, mode: 'create' | 'update'): FieldDef[] {
  return kind.fields.filter(
    (field) => !field.readOnly && !field.generated && !(mode === 'update' && field.immutable),
  );
}

/** The status is changed with its own form (it writes history), never as a plain field. */
export const isStatusField = (kind: RecordKind, field: FieldDef) =>
  Boolean(kind.status) && field.name === 'status_id';

/**
 * A list's columns: its name or date first (what a row is known by), then the fields a person
 * must fill in, then those searched by (own values before refs), then the status. Catalogs are short lists
 * of settings, so they show more of them (a status's duration, its flags). Long texts and JSON
 * never fit a cell.
 */
export function listColumns(kind: RecordKind, without: readonly string[] = []): FieldDef[] {
  const usable = kind.fields.filter(
    (f) =>
      !f.readOnly &&
      !without.includes(f.name) &&
      f.type !== 'long_text' &&
      f.type !== 'json' &&
      f.name !== 'status_id',
  );
  const dated = (f: FieldDef) => f.type === 'date' || f.type === 'datetime';
  const lead =
    usable.find((f) => f.name === 'name') ?? usable.find((f) => f.name === kind.defaultSort && dated(f));
  const catalog = kind.category === 'catalog';
  const rest = usable.filter((f) => f !== lead && (catalog || f.required || f.search));
  const rank = (f: FieldDef) => (f.required ? 0 : 2) + (f.type === 'ref' ? 1 : 0);
  const ordered = [...rest].sort((a, b) => rank(a) - rank(b));
  const columns = [...(lead ? [lead] : []), ...ordered].slice(0, catalog ? 7 : 4);
  const status = kind.fields.find((f) => f.name === 'status_id');
  return kind.status && status && !without.includes('status_id') ? [...columns, status] : columns;
}

/** "a session", "an invoice": for buttons and sentences. */
export function withArticle(label: string): string {
  const lower = label.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;
}
