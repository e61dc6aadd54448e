import type { ApiClient } from './api-client';

/** A row of GET /triggers: the fields the list shows. */
export interface TriggerSummary {
  readonly id: number;
  readonly name: string;
  readonly trigger_type: string;
  readonly record_kind: string;
  readonly filter_status_id: number | null;
  readonly filter_type_id: number | null;
  readonly action: string;
  readonly processing: 'manual' | 'automatic';
  readonly is_active: boolean;
  readonly pending_count: number;
  readonly last_fired_at: string | null;
}

export interface TriggerPage {
  readonly data: TriggerSummary[];
  readonly next_cursor: string | null;
}

/** The list's query parameters (docs/api.md): all optional, every one narrows the list. */
export interface TriggerFilters {
  readonly trigger_type?: string;
  readonly sub_type?: 'status' | 'type';
  readonly filter_status_id?: string;
  readonly filter_type_id?: string;
  readonly is_active?: 'true' | 'false';
  readonly q?: string;
}

type FilterUse = 'none' | 'optional' | 'required';

export interface TriggerTypeInfo {
  readonly name: string;
  readonly label: string;
  readonly record_kind: string;
  readonly filter: { status: FilterUse; type: FilterUse; type_kind: string | null };
}

/** GET /trigger-types, as far as the list needs it: the labels of types and actions. */
export interface TriggerTypeCatalog {
  readonly types: readonly TriggerTypeInfo[];
  readonly actions: readonly { name: string; label: string }[];
}

export const listTriggers = (api: ApiClient, filters: TriggerFilters, cursor?: string) =>
  api.get<TriggerPage>('/triggers', { ...filters, cursor, limit: 50 });

export const getTriggerTypes = (api: ApiClient) => api.get<TriggerTypeCatalog>('/trigger-types');

export const copyTrigger = (api: ApiClient, id: number) => api.post<TriggerSummary>(`/triggers/${id}/copy`);

export const setTriggerActive = (api: ApiClient, id: number, active: boolean) =>
  api.post<TriggerSummary>(`/triggers/${id}/${active ? 'activate' : 'deactivate'}`);
