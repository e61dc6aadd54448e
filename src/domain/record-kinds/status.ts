import { STATUS_KINDS, type RecordKind } from './record-kind.js';

export const status: RecordKind = {
  name: 'status',
  label: 'Status',
  plural: 'Statuses',
  path: 'statuses',
  table: 'statuses',
  category: 'catalog',
  defaultSort: 'sort_order',
  fields: [
    {
      name: 'kind',
      type: 'choice',
      label: 'Record kind',
      choices: STATUS_KINDS,
      required: true,
      immutable: true,
    },
    // A status scoped to a type applies to records of that type only (e.g. task statuses per task type).
    { name: 'scope_type_id', type: 'ref', ref: 'type', label: 'Only for type', immutable: true },
    { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 100, search: true },
    { name: 'sort_order', type: 'int', label: 'Sort order', default: 0 },
    { name: 'duration_days', type: 'int', label: 'Default duration (business days)', min: 0, max: 3650 },
    { name: 'is_initial', type: 'bool', label: 'Initial', default: false },
    { name: 'is_final', type: 'bool', label: 'Final', default: false },
    { name: 'is_inactive', type: 'bool', label: 'Inactive', default: false },
    { name: 'is_submit', type: 'bool', label: 'Submit status (web forms)', default: false },
  ],
};
