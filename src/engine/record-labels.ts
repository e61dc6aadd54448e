import { DateTime } from 'luxon';
import { recordKind, type RecordKind, type RecordKindName } from '../domain/record-kinds/index.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';

export interface RecordLabel {
  /** How staff name the record: "Ada Lovelace · Family portrait"; null once the record is deleted. */
  readonly record_label: string | null;
  /** The name of the client the record reaches (itself for a client); null if it has none. */
  readonly client_name: string | null;
}

/** The record's own words, in order of preference; kinds without any are named by their date. */
const OWN_TEXT = ['description', 'subject', 'code', 'name'];

/**
 * Names the records of a page of items (the queue's, the forecast's): one query per record kind on
 * the page (a page is usually one trigger, so one kind), joining the record to its client along the
 * registry's `clientField` steps (production order → invoice → bill-to client). A page stays a keyset
 * page over its own rows; the labels cost one indexed primary-key lookup per item.
 */
export async function recordLabels(
  db: Db,
  studioId: number,
  timeZone: string,
  items: readonly Readonly<Record<string, unknown>>[],
): Promise<Map<string, RecordLabel>> {
  const idsByKind = new Map<string, number[]>();
  for (const item of items) {
    const ids = idsByKind.get(String(item.record_kind)) ?? [];
    ids.push(Number(item.record_id));
    idsByKind.set(String(item.record_kind), ids);
  }
  const labels = new Map<string, RecordLabel>();
  for (const [kindName, ids] of idsByKind) {
    const kind = recordKind(kindName as RecordKindName);
    for (const row of await labelRows(db, studioId, kind, ids)) {
      labels.set(`${kindName}:${String(row.id)}`, labelOf(kind, row, timeZone));
    }
  }
  return labels;
}

async function labelRows(db: Db, studioId: number, kind: RecordKind, ids: number[]): Promise<LooseRow[]> {
  let select = loose(db)
    .selectFrom(`${kind.table} as r`)
    .select('r.id as id')
    .where('r.studio_id', '=', studioId)
    .where('r.id', 'in', [...new Set(ids)]);
  const own = OWN_TEXT.find((name) => kind.fields.some((f) => f.name === name));
  if (own) select = select.select(`r.${own} as own_text`);
  const dated = kind.fields.find(
    (f) => f.name === kind.defaultSort && (f.type === 'date' || f.type === 'datetime'),
  );
  if (dated) select = select.select(`r.${dated.name} as own_date`);
  const client = clientAlias(kind);
  if (client) {
    for (const [i, hop] of client.hops.entries()) {
      select = select.leftJoin(
        `${hop.table} as h${i}`,
        `h${i}.id`,
        `${i === 0 ? 'r' : `h${i - 1}`}.${hop.via}`,
      );
    }
    select = select.select([
      `${client.alias}.first_name as first_name`,
      `${client.alias}.last_name as last_name`,
    ]);
  }
  return (await select.execute()) as LooseRow[];
}

/** The joins from a kind to its client's row, and the alias that row ends up under. */
function clientAlias(kind: RecordKind): { hops: { table: string; via: string }[]; alias: string } | null {
  const hops: { table: string; via: string }[] = [];
  let at = kind;
  while (at.clientField !== 'id') {
    const field = at.fields.find((f) => f.name === at.clientField);
    if (!field?.ref || field.ref === 'user' || hops.length > 3) return null;
    const next = recordKind(field.ref);
    hops.push({ table: next.table, via: field.name });
    at = next;
  }
  return { hops, alias: hops.length === 0 ? 'r' : `h${hops.length - 1}` };
}

function labelOf(kind: RecordKind, row: LooseRow, timeZone: string): RecordLabel {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const clientName = [text(row.first_name), text(row.last_name)].filter(Boolean).join(' ') || null;
  if (kind.name === 'client') return { record_label: clientName, client_name: clientName };
  const own = text(row.own_text) || dateWords(kind, row.own_date, timeZone);
  const label = [clientName, own].filter(Boolean).join(' · ');
  return { record_label: label || null, client_name: clientName };
}

/** "session of Sat 5 Dec 2026, 14:00 EST": a date-time in the studio's zone, named; a date as it is. */
function dateWords(kind: RecordKind, value: unknown, timeZone: string): string {
  if (typeof value !== 'string' || value === '') return '';
  const noun = kind.label.toLowerCase();
  if (value.length === 10)
    return `${noun} of ${DateTime.fromISO(value, { locale: 'en-US' }).toFormat('ccc d LLL yyyy')}`;
  const local = DateTime.fromISO(value, { zone: 'utc', locale: 'en-US' }).setZone(timeZone);
  return `${noun} of ${local.toFormat('ccc d LLL yyyy, HH:mm ZZZZ')}`;
}
