import type { EditorTriggerType, Trigger, TriggerInput } from '../../api/trigger-editor-api';

export type EditorTab = 'general' | 'action' | 'processing' | 'exclusions';

/** The tabs in the reference's order, with their labels. */
export const TABS: readonly { value: EditorTab; label: string }[] = [
  { value: 'general', label: 'General' },
  { value: 'action', label: 'Action details' },
  { value: 'processing', label: 'Processing' },
  { value: 'exclusions', label: 'Exclusions' },
];

/** A new trigger as the API would default it: on the anchor, manual, 24 hours every day. */
export function emptyDraft(): TriggerInput {
  return {
    name: '',
    trigger_type: '',
    filter_status_id: null,
    filter_type_id: null,
    email_event: null,
    keyword: null,
    date_option: '',
    offset: { when: 'on' },
    exclusions: {},
    action: '',
    action_settings: {},
    then_status_id: null,
    processing: 'manual',
    time_frame: { from: null, to: null, blocked_weekdays: [] },
  };
}

/** The editable fields of a stored trigger. */
export function draftOf(trigger: Trigger): TriggerInput {
  return {
    name: trigger.name,
    trigger_type: trigger.trigger_type,
    filter_status_id: trigger.filter_status_id,
    filter_type_id: trigger.filter_type_id,
    email_event: trigger.email_event ?? null,
    keyword: trigger.keyword ?? null,
    date_option: trigger.date_option,
    offset: trigger.offset,
    exclusions: trigger.exclusions ?? {},
    action: trigger.action,
    action_settings: trigger.action_settings ?? {},
    then_status_id: trigger.then_status_id ?? null,
    processing: trigger.processing,
    time_frame: trigger.time_frame ?? { from: null, to: null, blocked_weekdays: [] },
  };
}

/**
 * A new type keeps what still fits it and drops what does not: filters are chosen afresh, event and
 * keyword kept only where the type has them, the date option if the type offers it, exclusions it allows, and the
 * action (with its settings) if the type allows the action.
 */
export function withType(draft: TriggerInput, type: EditorTriggerType): TriggerInput {
  const dateOption = type.date_options.find((d) => d.name === draft.date_option) ?? type.date_options[0];
  const keepAction = type.actions.includes(draft.action);
  return {
    ...draft,
    trigger_type: type.name,
    // Statuses and types belong to a record kind's catalog: a new type chooses them afresh.
    filter_status_id: null,
    filter_type_id: null,
    email_event: type.email_events ? (draft.email_event ?? null) : null,
    keyword: type.keyword === 'required' ? (draft.keyword ?? '') : null,
    date_option: dateOption?.name ?? '',
    offset: dateOption && !dateOption.offset_when.includes(draft.offset.when) ? { when: 'on' } : draft.offset,
    exclusions: Object.fromEntries(
      Object.entries(draft.exclusions).filter(([name]) => type.exclusions.includes(name)),
    ),
    action: keepAction ? draft.action : '',
    action_settings: keepAction ? draft.action_settings : {},
  };
}

/** The body the API takes: type-specific fields only where the type has them. */
export function bodyOf(draft: TriggerInput, type: EditorTriggerType | undefined): TriggerInput {
  const body: TriggerInput = { ...draft };
  if (!type?.email_events) delete body.email_event;
  if (type?.keyword !== 'required') delete body.keyword;
  return body;
}

/** Which tab holds a field the API named (`offset.amount`, `action_settings.sms_template_id`, …). */
export function tabOf(field: string): EditorTab {
  const head = field.split('.')[0] ?? '';
  if (head === 'exclusions') return 'exclusions';
  if (head === 'processing' || head === 'time_frame') return 'processing';
  if (head === 'action' || head === 'action_settings' || head === 'then_status_id') return 'action';
  return 'general';
}

/** The tabs that hold at least one of the errors, for marking them. */
export function tabsWithErrors(errors: Readonly<Record<string, string>>): Set<EditorTab> {
  return new Set(Object.keys(errors).map(tabOf));
}
