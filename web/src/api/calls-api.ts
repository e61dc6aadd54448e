import type { ApiClient } from './api-client';

export type CallOutcome = 'reached' | 'left_message' | 'no_answer' | 'wrong_number';

/** A row of GET /calls: a phone call processing put on the call list. */
export interface PhoneCall {
  readonly id: number;
  readonly record_kind: string | null;
  readonly record_id: number | null;
  readonly client_id: number | null;
  readonly recipient_name: string | null;
  readonly to_address: string | null;
  readonly subject: string | null;
  readonly body_text: string | null;
  readonly due_date: string | null;
  readonly outcome: CallOutcome | null;
  readonly outcome_note: string | null;
  readonly completed_at: string | null;
}

/** GET /calls/{id}: the call with every attempt, oldest first. */
export interface PhoneCallDetail extends PhoneCall {
  readonly outcomes: readonly { id: number; outcome: CallOutcome; note: string | null; at: string }[];
}

export const listCalls = (api: ApiClient, state: 'open' | 'done') =>
  api.get<{ data: PhoneCall[] }>('/calls', { state });

export const getCall = (api: ApiClient, id: number) => api.get<PhoneCallDetail>(`/calls/${id}`);

export const logCallOutcome = (api: ApiClient, id: number, outcome: CallOutcome, note: string) =>
  api.post<PhoneCall>(`/calls/${id}/outcome`, note.trim() ? { outcome, note } : { outcome });
