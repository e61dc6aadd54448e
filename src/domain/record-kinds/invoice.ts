import type { RecordKind } from './record-kind.js';

export const invoice: RecordKind = {
  name: 'invoice',
  label: 'Invoice',
  plural: 'Invoices',
  path: 'invoices',
  table: 'invoices',
  category: 'record',
  defaultSort: 'invoice_date',
  status: { catalog: 'invoice' },
  // Invoice messages go to the bill-to client (SPEC §3.4); the store fills it from client_id.
  clientField: 'bill_to_client_id',
  fields: [
    { name: 'client_id', type: 'ref', ref: 'client', label: 'Session client', required: true },
    {
      name: 'bill_to_client_id',
      type: 'ref',
      ref: 'client',
      label: 'Bill-to client',
      defaultFrom: 'client_id',
    },
    { name: 'session_id', type: 'ref', ref: 'session', label: 'Session' },
    { name: 'invoice_number', type: 'text', label: 'Invoice number', maxLength: 50, search: true },
    {
      name: 'invoice_type',
      type: 'choice',
      label: 'Invoice type',
      choices: ['session_fees', 'initial_order', 'reorder', 'estimate', 'generic', 'credit_memo'],
      default: 'generic',
    },
    { name: 'description', type: 'text', label: 'Description', maxLength: 200, search: true },
    { name: 'invoice_date', type: 'date', label: 'Invoice date', required: true, anchor: true },
    { name: 'payment_due_date', type: 'date', label: 'Payment due date', anchor: true },
    { name: 'total_cents', type: 'money', label: 'Total', default: 0 },
    { name: 'balance_cents', type: 'money', label: 'Balance', default: 0 },
    { name: 'status_id', type: 'ref', ref: 'status', label: 'Invoice status' },
    { name: 'status_due_date', type: 'date', label: 'Status due date', readOnly: true },
  ],
};
