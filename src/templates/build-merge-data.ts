/**
 * The merge data of one record: everything its basis's catalog (`mergeFieldCatalog`) promises,
 * read from the studio's database. Each object is cut down to the catalog's fields, so a secret
 * column (a web form's token) or a field the linter does not know can never reach a template, and
 * a test holds builder and catalog together (test/templates/build-merge-data.test.ts).
 *
 * Queries are bounded by the basis, not the data: the record and the records it names (each with
 * its child rows), one query per catalog table for the `*_name` fields, one for the staff users.
 * Links are made for each message, so they are null here: processing fills `links.web_form_url`
 * and, for marketing email, `links.unsubscribe_url` (src/processing/plan-action.ts).
 */
import { recordKind, type RecordKind } from '../domain/record-kinds/index.js';
import type { Db } from '../store/database.js';
import { getRecord } from '../store/records.js';
import { loose } from '../store/record-table.js';
import type { RecordJson } from '../store/row-mapping.js';
import { studioContextOf } from '../store/studio-context.js';
import type { StudioRow } from '../store/studios.js';
import { clientPath, mergeFieldCatalog, type MergeField, type TemplateBasis } from './merge-fields.js';
import type { MergeData, MergeValue } from './render-template.js';

export interface MergeDataOptions {
  /** The family member a message goes to; without it `family_member` is null. */
  readonly familyMemberId?: number;
}

const withoutId = (name: string) => name.replace(/_id$/, '');

export async function buildMergeData(
  db: Db,
  studio: StudioRow,
  basis: TemplateBasis,
  recordId: number,
  options: MergeDataOptions = {},
): Promise<MergeData> {
  const context = studioContextOf(studio);
  const kind = recordKind(basis);
  const loaded: { kind: RecordKind; json: RecordJson }[] = [];
  const cache = new Map<string, RecordJson>();
  const load = async (target: RecordKind, id: unknown): Promise<RecordJson | null> => {
    if (typeof id !== 'number' && typeof id !== 'string') return null;
    const key = `${target.name}:${id}`;
    let json = cache.get(key);
    if (!json) {
      json = await getRecord(db, context, target, Number(id));
      cache.set(key, json);
      loaded.push({ kind: target, json });
    }
    return json;
  };

  const record = (await load(kind, recordId)) as RecordJson;
  let client: RecordJson | null = basis === 'client' ? record : null;
  let step: { kind: RecordKind; json: RecordJson | null } = { kind, json: record };
  for (const hop of clientPath(kind) ?? []) {
    const field = step.kind.fields.find((f) => f.name === hop.split('.')[1]);
    if (!field?.ref || field.ref === 'user' || !step.json) break;
    const next = recordKind(field.ref);
    step = { kind: next, json: await load(next, step.json[field.name]) };
    client = next.name === 'client' ? step.json : null;
  }
  const data: Record<string, MergeValue> = {};
  const staffIds = new Map<string, number | null>();
  for (const object of mergeFieldCatalog(basis).objects) {
    if (object.name === basis) data[object.name] = record as never;
    else if (object.name === 'client') data.client = client as never;
    else if (object.name === 'family_member') {
      data.family_member = (await load(recordKind('family_member'), options.familyMemberId)) as never;
    } else if (object.name === 'studio') data.studio = studioMergeData(studio);
    else if (object.name === 'links') data.links = { web_form_url: null, unsubscribe_url: null };
    else {
      const field = kind.fields.find((f) => f.ref && withoutId(f.name) === object.name);
      const linked = kind.fields.find((f) => f.ref === object.name);
      if (field?.ref === 'user') staffIds.set(object.name, (record[field.name] as number | null) ?? null);
      else if (linked?.ref && linked.ref !== 'user')
        data[object.name] = (await load(recordKind(linked.ref), record[linked.name])) as never;
    }
  }
  await addCatalogNames(db, studio.id, loaded);
  const staff = await loadStaff(db, [...staffIds.values()]);
  for (const [name, id] of staffIds) data[name] = id === null ? null : (staff.get(id) ?? null);
  // Cut every record object down to its catalog fields, now that the names are in.
  for (const object of mergeFieldCatalog(basis).objects) {
    const value = data[object.name];
    if (value && typeof value === 'object' && !Array.isArray(value) && object.name !== 'links')
      data[object.name] = pick(value as RecordJson, object.fields, object.name);
  }
  return data;
}

/** The catalog's fields of an object; list items' paths are already relative (no prefix). */
function pick(
  json: RecordJson,
  fields: readonly MergeField[],
  prefix: string,
): { [key: string]: MergeValue } {
  const out: { [key: string]: MergeValue } = {};
  for (const field of fields) {
    const key = prefix ? field.path.slice(prefix.length + 1) : field.path;
    if (!(key in json)) continue;
    const value = json[key];
    out[key] =
      field.type === 'list' && Array.isArray(value)
        ? value.map((item) => pick(item as RecordJson, field.items ?? [], ''))
        : (value as MergeValue);
  }
  return out;
}

export function studioMergeData(studio: StudioRow): { [key: string]: MergeValue } {
  return {
    name: studio.name,
    sender_name: studio.sender_name,
    sender_email: studio.sender_email,
    sms_from_number: studio.sms_from_number,
    country: studio.country,
    time_zone: studio.time_zone,
  };
}

/** `<ref>_name` for every catalog reference (status, type, department…), one query per catalog. */
async function addCatalogNames(
  db: Db,
  studioId: number,
  loaded: { kind: RecordKind; json: RecordJson }[],
): Promise<void> {
  const wanted = new Map<string, Set<number>>();
  const refs = loaded.flatMap(({ kind, json }) =>
    kind.fields
      .filter((f) => f.ref && f.ref !== 'user' && recordKind(f.ref).category === 'catalog')
      .map((f) => ({ json, field: f, table: recordKind(f.ref as never).table })),
  );
  for (const { json, field, table } of refs) {
    const id = json[field.name];
    if (id === null || id === undefined) continue;
    wanted.set(table, (wanted.get(table) ?? new Set()).add(Number(id)));
  }
  const names = new Map<string, string>();
  for (const [table, ids] of wanted) {
    const rows = await loose(db)
      .selectFrom(table)
      .select(['id', 'name'])
      .where('studio_id', '=', studioId)
      .where('id', 'in', [...ids])
      .execute();
    for (const row of rows) names.set(`${table}:${Number(row.id)}`, String(row.name));
  }
  for (const { json, field, table } of refs) {
    const id = json[field.name];
    json[`${withoutId(field.name)}_name`] = id == null ? null : (names.get(`${table}:${Number(id)}`) ?? null);
  }
}

async function loadStaff(
  db: Db,
  ids: (number | null)[],
): Promise<Map<number, { [key: string]: MergeValue }>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'mobile'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [Number(r.id), { id: Number(r.id), name: r.name, email: r.email, mobile: r.mobile }]),
  );
}
