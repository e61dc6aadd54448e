import type { RecordKind } from './record-kind.js';

export const task: RecordKind = {
  name: 'task',
  label: 'Task',
  plural: 'Tasks',
  path: 'tasks',
  table: 'tasks',
  category: 'record',
  defaultSort: 'due_date',
  status: { catalog: 'task', scopedBy: 'task_type_id' },
  clientField: 'client_id',
  fields: [
    { name: 'task_type_id', type: 'ref', ref: 'type', typeKind: 'task', label: 'Task type', required: true },
    { name: 'subject', type: 'text', label: 'Subject', required: true, maxLength: 200, search: true },
    { name: 'description', type: 'long_text', label: 'Description', maxLength: 10000 },
    { name: 'status_id', type: 'ref', ref: 'status', label: 'Task status' },
    { name: 'status_due_date', type: 'date', label: 'Status due date', readOnly: true },
    { name: 'assigned_user_id', type: 'ref', ref: 'user', label: 'Assigned to' },
    { name: 'department_id', type: 'ref', ref: 'department', label: 'Department' },
    { name: 'start_date', type: 'date', label: 'Start date', anchor: true },
    { name: 'due_date', type: 'date', label: 'Due date', anchor: true },
    { name: 'completed_date', type: 'date', label: 'Completed date', anchor: true },
    { name: 'priority', type: 'int', label: 'Priority', min: 1, max: 5, default: 3 },
    { name: 'client_id', type: 'ref', ref: 'client', label: 'Client' },
    { name: 'session_id', type: 'ref', ref: 'session', label: 'Session' },
    { name: 'invoice_id', type: 'ref', ref: 'invoice', label: 'Invoice' },
    { name: 'production_order_id', type: 'ref', ref: 'production_order', label: 'Production order' },
    // Set when processing a triggered item created it (the trigger's action); never chosen by a caller.
    { name: 'triggered_item_id', type: 'int', label: 'Created by triggered item', readOnly: true },
  ],
};
