import type { ApiClient } from './api-client';

/** A trigger's share of the queue (GET /queue). */
export interface QueueGroup {
  readonly trigger_id: number;
  readonly name: string;
  readonly trigger_type: string;
  readonly action: string;
  readonly processing: 'manual' | 'automatic';
  readonly pending: number;
  readonly oldest_trigger_date: string;
}

/** A pending item (GET /queue/items). */
export interface QueueItem {
  readonly id: number;
  readonly trigger_id: number;
  readonly record_kind: string;
  readonly record_id: number;
  readonly trigger_date: string;
  /** "Ada Lovelace · Family portrait": the client and the record's description or date (server-made). */
  readonly record_label?: string | null;
  readonly client_name?: string | null;
}

export interface QueueItemPage {
  readonly data: QueueItem[];
  readonly next_cursor: string | null;
}

/** One output of a preview: a message, call, letter, task or web form, as processing would write it. */
export interface PreviewOutput {
  readonly channel: string;
  readonly to?: string | null;
  readonly subject?: string | null;
  readonly html?: string | null;
  readonly text?: string | null;
  readonly segments?: number | null;
  readonly dueDate?: string;
  readonly values?: Readonly<Record<string, unknown>>;
  readonly link?: PreviewOutput | null;
}

/** GET /items/{id}/preview: what processing would create now; nothing is written. */
export interface ItemPreview {
  readonly item_id: number;
  readonly state: string;
  readonly qualifies: boolean;
  readonly reason: string | null;
  readonly action?: string;
  readonly channel_used?: string | null;
  readonly recipient?: { kind: string; name: string } | null;
  readonly outputs?: readonly PreviewOutput[];
  readonly passed_over?: readonly { channel: string; reason: string }[];
}

/** Which pending items an action applies to (exactly one of these). */
export type QueueSelection =
  | { readonly item_ids: readonly number[] }
  | { readonly trigger_id: number }
  | { readonly all: true };

export type QueueAction = 'process' | 'skip' | 'delete';

/** What an action did: ids per outcome (only those the action can have). */
export interface QueueOutcome {
  readonly processed?: number[];
  readonly withdrawn?: number[];
  readonly expired?: number[];
  readonly skipped?: number[];
  readonly deleted?: number[];
  readonly unchanged: number[];
  readonly failed?: { id: number; error: string }[];
}

export const listQueueGroups = (api: ApiClient) => api.get<{ data: QueueGroup[] }>('/queue');

export const listQueueItems = (api: ApiClient, triggerId: number | null, cursor?: string) =>
  api.get<QueueItemPage>('/queue/items', { trigger_id: triggerId, cursor, limit: 50 });

export const previewItem = (api: ApiClient, id: number) => api.get<ItemPreview>(`/items/${id}/preview`);

export const runQueueAction = (api: ApiClient, action: QueueAction, selection: QueueSelection) =>
  api.post<QueueOutcome>(`/queue/${action}`, selection);
