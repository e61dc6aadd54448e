import type { RecordKind } from './record-kind.js';

export const department: RecordKind = {
  name: 'department',
  label: 'Department',
  plural: 'Departments',
  path: 'departments',
  table: 'departments',
  category: 'catalog',
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 100, search: true },
    { name: 'is_inactive', type: 'bool', label: 'Inactive', default: false },
  ],
};
