import type { ApiClient } from './api-client';

export type ItemState = 'pending' | 'processed' | 'skipped' | 'deleted' | 'withdrawn' | 'expired';

/** A row of GET /triggered-items: one trigger's occurrence on a record, in any state. */
export interface TriggeredItemRow {
  readonly id: number;
  readonly trigger_id: number;
  readonly trigger_name: string | null;
  readonly record_kind: string;
  readonly record_id: number;
  readonly state: ItemState;
  readonly reason: string | null;
  readonly trigger_date: string;
  readonly channel_used: string | null;
  readonly last_transition_at: string | null;
}

/** Whose trigger history: one record's, or a client's with every record that leads to it. */
export type TriggerHistoryScope =
  | { readonly client_id: number }
  | { readonly record_kind: string; readonly record_id: number };

export const listTriggeredItems = (api: ApiClient, scope: TriggerHistoryScope, cursor?: string | null) =>
  api.get<{ data: TriggeredItemRow[]; next_cursor: string | null }>('/triggered-items', {
    ...scope,
    cursor,
    limit: 25,
  });

/** One change of a client's "Allow marketing" flag (GET /clients/{id}/consent-events). */
export interface ConsentEvent {
  readonly id: number;
  readonly channel: 'email' | 'sms' | 'mail' | 'phone';
  readonly address: string | null;
  readonly action: 'opt_in' | 'opt_out';
  readonly source: string;
  readonly user_id: number | null;
  readonly at: string;
}

export const listConsentEvents = (api: ApiClient, clientId: number) =>
  api.get<{ data: ConsentEvent[] }>(`/clients/${clientId}/consent-events`);

/** The client's current flags, read from the client record itself. */
export interface MarketingFlags {
  readonly allow_marketing_email: boolean;
  readonly allow_marketing_sms: boolean;
  readonly allow_marketing_mail: boolean;
  readonly allow_marketing_phone: boolean;
}

export const getMarketingFlags = (api: ApiClient, clientId: number) =>
  api.get<MarketingFlags>(`/clients/${clientId}`);
