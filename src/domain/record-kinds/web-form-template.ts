import type { RecordKind } from './record-kind.js';

export const webFormTemplate: RecordKind = {
  name: 'web_form_template',
  label: 'Web form template',
  plural: 'Web form templates',
  path: 'web-form-templates',
  table: 'web_form_templates',
  category: 'catalog',
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 100, search: true },
    {
      name: 'basis',
      type: 'choice',
      label: 'Based on',
      choices: ['client', 'session', 'invoice', 'contact_us'],
      required: true,
      immutable: true,
    },
    { name: 'title', type: 'text', label: 'Page title', maxLength: 200 },
    // Pages of fields with their bindings (src/domain/web-forms/form-definition.ts).
    { name: 'definition', type: 'json', label: 'Form definition' },
    { name: 'allow_edits', type: 'bool', label: 'Allow a second submission', default: false },
    { name: 'is_inactive', type: 'bool', label: 'Inactive', default: false },
    // Addresses the contact-us page (/f/contact/<public_key>); unguessable, so pages cannot be listed.
    { name: 'public_key', type: 'text', label: 'Public key', readOnly: true, generated: 'secret' },
  ],
};
