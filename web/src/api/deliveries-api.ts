import type { ApiClient } from './api-client';

export type DeliveryState = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'canceled';

/** A communication of GET /communications, as far as the deliveries list shows it. */
export interface OutboxMessage {
  readonly id: number;
  readonly channel: 'email' | 'sms' | 'phone_call' | 'letter';
  readonly recipient_name: string | null;
  readonly to_address: string | null;
  readonly subject: string | null;
  readonly body_text: string | null;
  readonly created_at: string;
  readonly delivery: {
    readonly id: number;
    readonly provider: string;
    readonly state: DeliveryState;
    readonly reason: string | null;
    readonly delivered_at: string | null;
  } | null;
}

export interface OutboxPage {
  readonly data: OutboxMessage[];
  readonly next_before: number | null;
}

/** The list's filters (all optional); they live in the address. */
export interface DeliveryFilters {
  readonly channel?: 'email' | 'sms';
  readonly delivery_state?: DeliveryState;
  readonly provider?: string;
}

/** GET /deliveries/{id}: the delivery and every change of its state. */
export interface DeliveryDetail {
  readonly id: number;
  readonly channel: string;
  readonly to_address: string | null;
  readonly provider: string;
  readonly state: DeliveryState;
  readonly reason: string | null;
  readonly error_code: string | null;
  readonly attempts: number;
  readonly next_attempt_at: string | null;
  readonly history: readonly {
    at: string;
    from_state: DeliveryState | null;
    to_state: DeliveryState;
    code: string | null;
    reason: string | null;
    user_id: number | null;
  }[];
}

export const listOutbox = (api: ApiClient, filters: DeliveryFilters, before?: number) =>
  api.get<OutboxPage>('/communications', { ...filters, before, limit: 50 });

export const getDelivery = (api: ApiClient, id: number) => api.get<DeliveryDetail>(`/deliveries/${id}`);

export const retryDelivery = (api: ApiClient, id: number) =>
  api.post<DeliveryDetail>(`/deliveries/${id}/retry`);

export const cancelDelivery = (api: ApiClient, id: number) =>
  api.post<DeliveryDetail>(`/deliveries/${id}/cancel`);
