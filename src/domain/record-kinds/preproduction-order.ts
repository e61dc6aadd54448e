import type { RecordKind } from './record-kind.js';

export const preproductionOrder: RecordKind = {
  name: 'preproduction_order',
  label: 'Preproduction order',
  plural: 'Preproduction orders',
  path: 'preproduction-orders',
  table: 'preproduction_orders',
  category: 'record',
  defaultSort: 'order_date',
  status: { catalog: 'preproduction_order' },
  clientField: 'session_id',
  fields: [
    { name: 'session_id', type: 'ref', ref: 'session', label: 'Session', required: true },
    { name: 'order_number', type: 'text', label: 'Order number', maxLength: 50, search: true },
    { name: 'vendor', type: 'text', label: 'Vendor', maxLength: 100, search: true },
    { name: 'order_date', type: 'date', label: 'Order date', required: true, anchor: true },
    { name: 'status_id', type: 'ref', ref: 'status', label: 'Preproduction status' },
    { name: 'status_due_date', type: 'date', label: 'Status due date', readOnly: true },
    { name: 'notes', type: 'long_text', label: 'Notes', maxLength: 10000 },
  ],
};
