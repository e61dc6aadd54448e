import type { ApiClient } from './api-client';

/** A row of GET /print-batches. */
export interface PrintBatchSummary {
  readonly id: number;
  readonly state: 'open' | 'printed';
  readonly printed_at: string | null;
  readonly printed_by_user_id: number | null;
  readonly print_count: number;
  readonly created_at: string;
  readonly letter_count: number;
}

export interface PrintLetter {
  readonly id: number;
  readonly client_id: number | null;
  readonly recipient_name: string | null;
  readonly to_address: string | null;
  readonly body_text: string | null;
  readonly printed_at: string | null;
  readonly created_at: string;
}

/** GET /print-batches/{id}: the batch with its letters in the order they joined it. */
export interface PrintBatch extends PrintBatchSummary {
  readonly letters: readonly PrintLetter[];
}

export const listPrintBatches = (api: ApiClient, state?: 'open' | 'printed') =>
  api.get<{ data: PrintBatchSummary[] }>('/print-batches', { state });

export const getPrintBatch = (api: ApiClient, id: number) => api.get<PrintBatch>(`/print-batches/${id}`);

/** Prints the batch (marks it and its letters printed, closes it) and gives the PDF. */
export const printPrintBatch = (api: ApiClient, id: number) => api.file('POST', `/print-batches/${id}/print`);

/** The batch's PDF without counting a print: an open batch's preview, a printed one's reprint copy. */
export const printBatchPdf = (api: ApiClient, id: number) => api.file('GET', `/print-batches/${id}/pdf`);
