import type { ApiClient } from './api-client';

/** One criterion of an explanation: the record's value against what the trigger expects. */
export interface ExplainCriterion {
  readonly criterion: string;
  readonly value: unknown;
  readonly expected: unknown;
  readonly pass: boolean;
}

export interface ExplainExclusion {
  readonly exclusion: string;
  readonly value: unknown;
  /** null: decided when the item is processed (Allow Marketing). */
  readonly pass: boolean | null;
  readonly reason: string | null;
}

export interface ExplainItemHistory {
  readonly at: string;
  readonly from_state: string | null;
  readonly to_state: string;
  readonly actor: string | null;
  readonly reason?: string | null;
}

export interface ExplainItem {
  readonly id: number;
  readonly state: string;
  readonly trigger_date?: string | null;
  readonly history: readonly ExplainItemHistory[];
}

export interface ExplainOccurrence {
  readonly occurrence_key: string;
  readonly anchor_value: unknown;
  readonly trigger_date: string | null;
  readonly has_come: boolean;
  readonly baselined: boolean;
  readonly exclusions: readonly ExplainExclusion[];
  readonly disqualification: string | null;
  readonly item: ExplainItem | null;
  readonly verdict: string;
}

/** GET /triggers/{id}/explain?record_id=N (docs/triggers.md "Explain"). */
export interface Explanation {
  readonly trigger_id: number;
  readonly trigger_name: string;
  readonly record_kind: string;
  readonly record_id: number;
  readonly now: string;
  readonly baseline_at: string | null;
  readonly criteria: readonly ExplainCriterion[];
  readonly occurrences: readonly ExplainOccurrence[];
  readonly earlier_items: readonly ExplainItem[];
  readonly summary: string;
}

export interface ForecastEntry {
  readonly trigger_id: number;
  readonly record_kind: string;
  readonly record_id: number;
  readonly occurrence_key: string;
  readonly trigger_date: string;
  /** The record as Process Triggers names it; null once it is deleted. */
  readonly record_label: string | null;
}

/** A studio-local day with something due: its count, split per trigger (most first). */
export interface ForecastDay {
  readonly date: string;
  readonly count: number;
  readonly triggers: readonly { trigger_id: number; count: number }[];
}

/** GET /forecast?days=N (docs/triggers.md "Forecast"); days are studio-local dates. */
export interface Forecast {
  readonly now: string;
  readonly until: string;
  readonly days: number;
  readonly total: number;
  readonly triggers: readonly { trigger_id: number; name: string; count: number; note: string | null }[];
  readonly by_day: readonly ForecastDay[];
  readonly items: readonly ForecastEntry[];
  readonly items_cap: number;
  readonly items_truncated: boolean;
}

export const explainTrigger = (api: ApiClient, triggerId: number, recordId: number) =>
  api.get<Explanation>(`/triggers/${triggerId}/explain`, { record_id: recordId });

export const getForecast = (api: ApiClient, days: number, triggerId?: number) =>
  api.get<Forecast>('/forecast', { days, trigger_id: triggerId });

/** A record as the pickers name it: whatever fields its kind has. */
export type RecordRow = Readonly<Record<string, unknown>> & { readonly id: number };

/** The records path of a kind: `session` → `sessions`, `production_order` → `production-orders`. */
export const recordsPath = (kind: string) => `/${kind.replace(/_/g, '-')}s`;

/** Records of a kind matching `q` (names, numbers, descriptions), newest first. */
export const searchRecords = (api: ApiClient, kind: string, q: string) =>
  api.get<{ data: RecordRow[] }>(recordsPath(kind), { q, sort: '-id', limit: 25 });
