import type { ApiClient } from './api-client';

/** An inbound SMS of the Messages inbox (GET /messages, /messages/{id}). */
export interface InboundMessage {
  readonly id: number;
  readonly client_id: number | null;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly keyword: string | null;
  /** What the message did: `message`, `opted_out`, `opted_in`, `confirmed`, `help_sent`, … */
  readonly outcome: string | null;
  readonly outcome_note: string | null;
  readonly received_at: string;
  readonly read_at: string | null;
  readonly unread: boolean;
}

/** A row of GET /messages/threads: everything one number has texted the studio. */
export interface MessageThread {
  readonly number: string;
  readonly client_id: number | null;
  readonly messages: number;
  readonly unread: number;
  readonly last_message: InboundMessage | null;
}

/** One SMS of a conversation, either way, oldest first. */
export interface ThreadEntry {
  readonly id: number;
  readonly direction: 'inbound' | 'outbound';
  readonly purpose: string | null;
  readonly body: string | null;
  readonly at: string;
}

export interface MessageDetail extends InboundMessage {
  readonly thread: readonly ThreadEntry[];
}

export const listMessageThreads = (api: ApiClient) => api.get<{ data: MessageThread[] }>('/messages/threads');

/** Every inbound SMS of one number (the newest 500), unread first. */
export const listMessagesFrom = (api: ApiClient, number: string) =>
  api.get<{ data: InboundMessage[] }>('/messages', { number, limit: 500 });

export const getMessage = (api: ApiClient, id: number) => api.get<MessageDetail>(`/messages/${id}`);

export const markMessage = (api: ApiClient, id: number, read: boolean) =>
  api.post<InboundMessage>(`/messages/${id}/${read ? 'read' : 'unread'}`);

export const replyToMessage = (api: ApiClient, id: number, text: string) =>
  api.post<{ id: number }>(`/messages/${id}/reply`, { text });
