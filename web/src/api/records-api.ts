import type { ApiClient, Query } from './api-client';

/** A record or catalog entry as the generic records API answers it: fields by name, plus id. */
export type RecordData = Readonly<Record<string, unknown>> & { readonly id: number };

/** One keyset page of a list; follow `next_cursor` with the same query for the next. */
export interface RecordPage {
  readonly data: RecordData[];
  readonly next_cursor: string | null;
}

/** One stay of a record in a status, as GET …/status-history lists them (oldest first). */
export interface StatusStay {
  readonly id: number;
  readonly status_id: number;
  readonly status_name: string;
  readonly entered_at: string;
  readonly due_date: string | null;
  readonly left_at: string | null;
  readonly user_id: number | null;
  readonly note: string | null;
}

export interface StatusChange {
  status_id: number | null;
  due_date?: string | null;
  note?: string | null;
}

/** `path` is the kind's URL segment from the registry (`clients`, `family-members`, …). */
export const listRecords = (api: ApiClient, path: string, query: Query = {}) =>
  api.get<RecordPage>(`/${path}`, query);

export const getRecord = (api: ApiClient, path: string, id: number) => api.get<RecordData>(`/${path}/${id}`);

export const createRecord = (api: ApiClient, path: string, body: Record<string, unknown>) =>
  api.post<RecordData>(`/${path}`, body);

export const updateRecord = (api: ApiClient, path: string, id: number, body: Record<string, unknown>) =>
  api.patch<RecordData>(`/${path}/${id}`, body);

export const deleteRecord = (api: ApiClient, path: string, id: number) => api.delete(`/${path}/${id}`);

export const changeRecordStatus = (api: ApiClient, path: string, id: number, change: StatusChange) =>
  api.post<RecordData>(`/${path}/${id}/status`, change);

export const listStatusHistory = (api: ApiClient, path: string, id: number) =>
  api.get<{ data: StatusStay[] }>(`/${path}/${id}/status-history`);
