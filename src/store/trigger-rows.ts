import type { OffsetUnit, TriggerOffset } from '../domain/trigger-offset.js';
import type { TriggerDefinition } from '../domain/triggers/trigger-definition.js';
import { TRIGGER_TYPES } from '../domain/triggers/trigger-types.js';
import type { LooseRow } from './record-table.js';

/** A trigger as the API shows it: its definition, its record kind, its baseline and meta columns. */
export type TriggerJson = TriggerDefinition & {
  readonly id: number;
  readonly record_kind: string;
  readonly baseline_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
};

/**
 * The columns of a checked definition. Exclusions and action settings are JSON text (their shape
 * depends on the type and action and is never queried column by column); the record kind comes
 * from the type, so the engine can pick a trigger's table without the registry at hand.
 */
export function triggerRow(def: TriggerDefinition): LooseRow {
  return {
    name: def.name,
    trigger_type: def.trigger_type,
    record_kind: TRIGGER_TYPES[def.trigger_type].recordKind,
    filter_status_id: def.filter_status_id,
    filter_type_id: def.filter_type_id,
    email_event: def.email_event,
    keyword: def.keyword,
    date_option: def.date_option,
    offset_when: def.offset.when,
    offset_amount: def.offset.when === 'on' ? null : def.offset.amount,
    offset_unit: def.offset.when === 'on' ? null : def.offset.unit,
    exclusions: JSON.stringify(def.exclusions),
    action: def.action,
    action_settings: JSON.stringify(def.action_settings),
    then_status_id: def.then_status_id,
    processing: def.processing,
    time_from: def.time_frame.from,
    time_to: def.time_frame.to,
    blocked_weekdays: JSON.stringify(def.time_frame.blocked_weekdays),
    is_active: def.is_active ? 1 : 0,
  };
}

const id = (value: string | number | null | undefined) => (value == null ? null : Number(value));

export function triggerDefinitionOf(row: LooseRow): TriggerDefinition {
  const when = row.offset_when as TriggerOffset['when'];
  return {
    name: String(row.name),
    trigger_type: row.trigger_type as TriggerDefinition['trigger_type'],
    filter_status_id: id(row.filter_status_id),
    filter_type_id: id(row.filter_type_id),
    email_event: (row.email_event as TriggerDefinition['email_event']) ?? null,
    keyword: (row.keyword as string | null) ?? null,
    date_option: String(row.date_option),
    offset:
      when === 'on'
        ? { when }
        : { when, amount: Number(row.offset_amount), unit: row.offset_unit as OffsetUnit },
    exclusions: JSON.parse(String(row.exclusions)) as TriggerDefinition['exclusions'],
    action: row.action as TriggerDefinition['action'],
    action_settings: JSON.parse(String(row.action_settings)) as TriggerDefinition['action_settings'],
    then_status_id: id(row.then_status_id),
    processing: row.processing as TriggerDefinition['processing'],
    time_frame: {
      from: (row.time_from as string | null) ?? null,
      to: (row.time_to as string | null) ?? null,
      blocked_weekdays: JSON.parse(String(row.blocked_weekdays)) as number[],
    },
    is_active: Number(row.is_active) === 1,
  };
}

export function triggerJson(row: LooseRow): TriggerJson {
  return {
    id: Number(row.id),
    ...triggerDefinitionOf(row),
    record_kind: String(row.record_kind),
    baseline_at: (row.baseline_at as string | null) ?? null,
    created_at: String(row.created_at),
    updated_at: String(row.updated_at),
  };
}
