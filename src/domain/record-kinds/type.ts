import { TYPE_KINDS, type RecordKind } from './record-kind.js';

export const type: RecordKind = {
  name: 'type',
  label: 'Type',
  plural: 'Types',
  path: 'types',
  table: 'types',
  category: 'catalog',
  defaultSort: 'sort_order',
  fields: [
    { name: 'kind', type: 'choice', label: 'Type of', choices: TYPE_KINDS, required: true, immutable: true },
    { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 100, search: true },
    { name: 'sort_order', type: 'int', label: 'Sort order', default: 0 },
    { name: 'default_minutes', type: 'int', label: 'Default length (minutes)', min: 0, max: 1440 },
    { name: 'color', type: 'text', label: 'Colour', maxLength: 20 },
    { name: 'is_inactive', type: 'bool', label: 'Inactive', default: false },
  ],
};
