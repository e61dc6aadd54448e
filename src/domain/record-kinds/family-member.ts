import type { RecordKind } from './record-kind.js';

export const familyMember: RecordKind = {
  name: 'family_member',
  label: 'Family member',
  plural: 'Family members',
  path: 'family-members',
  table: 'family_members',
  category: 'record',
  defaultSort: 'first_name',
  clientField: 'client_id',
  fields: [
    {
      name: 'client_id',
      type: 'ref',
      ref: 'client',
      label: 'Client',
      required: true,
      immutable: true,
      ownedBy: true,
    },
    { name: 'relationship_id', type: 'ref', ref: 'relationship', label: 'Relationship' },
    { name: 'first_name', type: 'text', label: 'First name', required: true, maxLength: 100, search: true },
    { name: 'last_name', type: 'text', label: 'Last name', maxLength: 100, search: true },
    { name: 'birth_date', type: 'date', label: 'Birth date', anchor: true },
    { name: 'email', type: 'email', label: 'Email' },
    { name: 'phone', type: 'phone', label: 'Phone' },
  ],
};
