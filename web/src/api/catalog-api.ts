import type { ApiClient } from './api-client';

/** A status or a type of the studio's catalogs, as a filter offers it. */
export interface CatalogEntry {
  readonly id: number;
  readonly name: string;
}

const ALL = 500;

/** The statuses of one record kind (session, task, …). */
export const listStatuses = (api: ApiClient, kind: string) =>
  api.get<{ data: CatalogEntry[] }>('/statuses', { kind, limit: ALL });

/** The types of one kind (session, appointment, …). */
export const listTypes = (api: ApiClient, kind: string) =>
  api.get<{ data: CatalogEntry[] }>('/types', { kind, limit: ALL });
