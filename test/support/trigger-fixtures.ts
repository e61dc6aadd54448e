import {
  recordKind,
  STATUS_KINDS,
  TYPE_KINDS,
  type StatusKind,
  type TypeKind,
} from '../../src/domain/record-kinds/index.js';
import { TRIGGER_TYPES, type TriggerTypeName } from '../../src/domain/triggers/trigger-types.js';
import type { Db } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import type { ApiClient } from './api-client.js';

/** One status of every catalog and one type of every type catalog, for trigger filters. */
export interface TriggerCatalogs {
  statuses: Record<StatusKind, number>;
  types: Record<TypeKind, number>;
}

let serial = 0;

export async function makeTriggerCatalogs(api: ApiClient): Promise<TriggerCatalogs> {
  const statuses = {} as Record<StatusKind, number>;
  const types = {} as Record<TypeKind, number>;
  for (const kind of STATUS_KINDS) {
    statuses[kind] = (await api.create('/statuses', { kind, name: `Trigger ${kind} ${++serial}` })).id;
  }
  for (const kind of TYPE_KINDS) {
    types[kind] = (await api.create('/types', { kind, name: `Trigger ${kind} ${++serial}` })).id;
  }
  return { statuses, types };
}

/**
 * A valid trigger of the type with the given date option. Its action is a task, which every type
 * offers and which needs no template; required filters name the catalogs above.
 */
export function minimalTrigger(
  catalogs: TriggerCatalogs,
  name: TriggerTypeName,
  dateOption?: string,
): Record<string, unknown> {
  const type = TRIGGER_TYPES[name];
  const status = recordKind(type.recordKind).status?.catalog;
  return {
    name: `${type.label} ${dateOption ?? ''}`.trim(),
    trigger_type: name,
    date_option: dateOption ?? Object.keys(type.dateOptions)[0],
    ...(type.filter.status === 'required' && status ? { filter_status_id: catalogs.statuses[status] } : {}),
    ...(type.filter.type === 'required' && type.filter.typeKind
      ? { filter_type_id: catalogs.types[type.filter.typeKind] }
      : {}),
    ...(name === 'email_records' ? { email_event: 'opened' } : {}),
    ...(name === 'sms_keyword' ? { keyword: 'MINI' } : {}),
    action: 'task',
    action_settings: { task_type_id: catalogs.types.task, subject: 'Follow up' },
  };
}

/**
 * A message template row. Template storage (its API and merge-field checks) is built elsewhere;
 * triggers only read a template's studio, channel and basis, so tests write the row directly.
 */
export async function insertTemplate(
  db: Db,
  studioId: number,
  channel: 'email' | 'sms' | 'letter',
  basis: string,
): Promise<number> {
  const at = '2026-03-01T00:00:00.000Z';
  const row = await loose(db)
    .insertInto('templates')
    .values({
      studio_id: studioId,
      name: `${channel} on ${basis}`,
      channel,
      basis,
      body_text: 'Hi',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
