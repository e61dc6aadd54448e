/**
 * The merge-field reference, written from the catalog so that docs cannot drift from the code.
 * test/docs/templates-doc.test.ts keeps docs/template-merge-fields.md equal to this text as a
 * file snapshot; `npx vitest run test/docs/templates-doc.test.ts -u` rewrites the page.
 */
import { mergeFieldCatalog, TEMPLATE_BASES, type MergeField } from './merge-fields.js';

function fieldList(fields: readonly MergeField[]): string {
  return fields
    .map((f) => {
      const items = f.items ? ` (items: ${f.items.map((i) => `\`${i.path}\``).join(', ')})` : '';
      return `\`${f.path}\` ${f.type}${items}`;
    })
    .join(', ');
}

export function mergeFieldsMarkdown(): string {
  const lines: string[] = [
    '# Merge fields by basis',
    '',
    'Generated from the record-kind registry by `src/templates/merge-fields-markdown.ts`; see',
    '[templates.md](templates.md) for the rules. Do not edit by hand.',
    '',
  ];
  for (const basis of TEMPLATE_BASES) {
    lines.push(`### Basis \`${basis}\``, '');
    lines.push('| object | reached via | fields |', '|---|---|---|');
    for (const object of mergeFieldCatalog(basis).objects) {
      const via = object.note ? `${object.via} (${object.note})` : object.via;
      lines.push(`| \`${object.name}\` | ${via} | ${fieldList(object.fields)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
