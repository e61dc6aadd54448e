import type { RecordKind } from './record-kind.js';

export const relationship: RecordKind = {
  name: 'relationship',
  label: 'Relationship',
  plural: 'Relationships',
  path: 'relationships',
  table: 'relationships',
  category: 'catalog',
  defaultSort: 'sort_order',
  fields: [
    { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 100, search: true },
    { name: 'sort_order', type: 'int', label: 'Sort order', default: 0 },
    { name: 'is_inactive', type: 'bool', label: 'Inactive', default: false },
  ],
};
