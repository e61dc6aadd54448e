import type { ApiClient } from './api-client';
import type { TriggerTypeInfo } from './triggers-api';

export type OffsetWhen = 'on' | 'before' | 'after';
export type OffsetUnit = 'minutes' | 'hours' | 'days' | 'business_days';
/** A trigger type as GET /trigger-types gives it to an editor: everything the type allows. */
export interface EditorTriggerType extends TriggerTypeInfo {
  readonly email_events: readonly string[] | null;
  readonly keyword: 'required' | 'none';
  readonly date_options: readonly { name: string; label: string; offset_when: readonly OffsetWhen[] }[];
  readonly exclusions: readonly string[];
  readonly actions: readonly string[];
}

export interface EditorAction {
  readonly name: string;
  readonly label: string;
  readonly channels: readonly string[];
  readonly is_message: boolean;
  readonly required_settings: readonly string[];
  readonly optional_settings: readonly string[];
}

export interface EditorCatalog {
  readonly types: readonly EditorTriggerType[];
  readonly actions: readonly EditorAction[];
}

export type Offset = { when: 'on' } | { when: 'before' | 'after'; amount: number; unit: OffsetUnit };

export interface TimeFrame {
  readonly from: string | null;
  readonly to: string | null;
  readonly blocked_weekdays: readonly number[];
}

/** The fields of a trigger that POST and PATCH take (docs/triggers.md). */
export interface TriggerInput {
  name: string;
  trigger_type: string;
  filter_status_id: number | null;
  filter_type_id: number | null;
  email_event?: string | null;
  keyword?: string | null;
  date_option: string;
  offset: Offset;
  exclusions: Record<string, unknown>;
  action: string;
  action_settings: Record<string, unknown>;
  then_status_id: number | null;
  processing: 'manual' | 'automatic';
  time_frame: TimeFrame;
}

export interface Trigger extends TriggerInput {
  readonly id: number;
  readonly is_active: boolean;
  readonly baseline_at: string | null;
}

/** What saving answers: the trigger, and the baseline counts when the save moved the baseline. */
export interface SavedTrigger extends Trigger {
  readonly baseline?: { baselined: number; due_next_30_days: number } | null;
}

export interface TemplateSummary {
  readonly id: number;
  readonly name: string;
  readonly channel: string;
  readonly basis: string;
  readonly body_text: string | null;
}

export interface TemplatePreview {
  readonly text: string | null;
  readonly sms: { characters: number; segments: number; encoding: string } | null;
  readonly problems: readonly { path: string; problem: string }[];
}

export const getEditorCatalog = (api: ApiClient) => api.get<EditorCatalog>('/trigger-types');

export const getTrigger = (api: ApiClient, id: number) => api.get<Trigger>(`/triggers/${id}`);

export const createTrigger = (api: ApiClient, input: TriggerInput) =>
  api.post<SavedTrigger>('/triggers', input);

export const updateTrigger = (api: ApiClient, id: number, input: TriggerInput) =>
  api.patch<SavedTrigger>(`/triggers/${id}`, input);

/** The studio's active templates of one channel for one basis: what a trigger may send. */
export const listTemplates = (api: ApiClient, channel: string, basis: string) =>
  api.get<{ data: TemplateSummary[] }>('/templates', { channel, basis, is_inactive: false, limit: 200 });

export const previewTemplate = (api: ApiClient, templateId: number, recordId: number) =>
  api.post<TemplatePreview>(`/templates/${templateId}/preview`, { record_id: recordId });
