import type { ApiClient } from './api-client';
import type { OutboxMessage } from './deliveries-api';

/** A file sent with a communication; `url` downloads it exactly as it went out. */
export interface CommunicationAttachment {
  readonly id: number;
  readonly kind: string;
  readonly filename: string;
  readonly content_type: string;
  readonly byte_size: number;
  readonly url: string;
}

/** A communication of GET /communications with its final content, as its recipient got it. */
export interface Communication extends OutboxMessage {
  readonly from_address: string | null;
  readonly body_html: string | null;
  readonly record_kind: string | null;
  readonly record_id: number | null;
  readonly attachments: readonly CommunicationAttachment[];
}

export interface CommunicationPage {
  readonly data: Communication[];
  readonly next_before: number | null;
}

/** Whose communications: a client's, those about one record, or the development inbox's. */
export type CommunicationScope =
  | { readonly client_id: number }
  | { readonly record_kind: string; readonly record_id: number }
  | { readonly provider: 'capture' };

export const listCommunications = (api: ApiClient, scope: CommunicationScope, before?: number | null) =>
  api.get<CommunicationPage>('/communications', { ...scope, before, limit: 25 });
