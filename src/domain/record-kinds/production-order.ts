import type { RecordKind } from './record-kind.js';

export const productionOrder: RecordKind = {
  name: 'production_order',
  label: 'Production order',
  plural: 'Production orders',
  path: 'production-orders',
  table: 'production_orders',
  category: 'record',
  defaultSort: 'order_date',
  status: { catalog: 'production_order', scopedBy: 'order_type_id' },
  clientField: 'invoice_id',
  fields: [
    { name: 'invoice_id', type: 'ref', ref: 'invoice', label: 'Invoice', required: true },
    {
      name: 'order_type_id',
      type: 'ref',
      ref: 'type',
      typeKind: 'production_order',
      label: 'Order type',
      required: true,
    },
    { name: 'order_number', type: 'text', label: 'Order number', maxLength: 50, search: true },
    { name: 'vendor', type: 'text', label: 'Vendor', maxLength: 100, search: true },
    { name: 'order_date', type: 'date', label: 'Order date', required: true, anchor: true },
    { name: 'due_date', type: 'date', label: 'Due date', anchor: true },
    { name: 'status_id', type: 'ref', ref: 'status', label: 'Production status' },
    { name: 'status_due_date', type: 'date', label: 'Status due date', readOnly: true },
    { name: 'assigned_user_id', type: 'ref', ref: 'user', label: 'Assigned to' },
    { name: 'department_id', type: 'ref', ref: 'department', label: 'Department' },
    { name: 'notes', type: 'long_text', label: 'Notes', maxLength: 10000 },
  ],
};
