/**
 * The trigger-type reference, written from the registry so that docs cannot drift from the code.
 * test/docs/triggers-doc.test.ts keeps docs/trigger-types.md equal to this text as a file snapshot;
 * `npx vitest run test/docs/triggers-doc.test.ts -u` rewrites the page.
 */
import { triggerTypeCatalog } from './trigger-type-catalog.js';

const code = (names: readonly string[]) =>
  names.length === 0 ? '—' : names.map((n) => `\`${n}\``).join(', ');

function filterText(rule: string, what: string): string {
  return rule === 'none' ? '—' : `${what} (${rule})`;
}

export function triggerTypesMarkdown(): string {
  const catalog = triggerTypeCatalog();
  const lines: string[] = [
    '# Trigger types',
    '',
    'Generated from the trigger-type registry by `src/domain/triggers/trigger-types-markdown.ts`; see',
    '[triggers.md](triggers.md) for the rules. Do not edit by hand.',
    '',
    '## Types',
    '',
    '| type | record kind | status filter | type filter | other | date options | exclusions |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const type of catalog.types) {
    const typeFilter = filterText(type.filter.type, `${type.filter.type_kind ?? ''} type`.trim());
    const other = type.email_events
      ? `\`email_event\` (required): ${code(type.email_events)}`
      : type.keyword === 'required'
        ? '`keyword` (required)'
        : '—';
    const options = type.date_options.map((o) => `\`${o.name}\` ${o.label}`).join('; ');
    lines.push(
      `| \`${type.name}\` ${type.label} | \`${type.record_kind}\` | ${filterText(type.filter.status, 'status')} | ${typeFilter} | ${other} | ${options} | ${code(type.exclusions)} |`,
    );
  }
  lines.push('', '## Actions per type', '', '| type | actions |', '|---|---|');
  for (const type of catalog.types) lines.push(`| \`${type.name}\` | ${code(type.actions)} |`);
  lines.push(
    '',
    '## Action settings',
    '',
    '| action | label | channels | required settings | optional settings |',
    '|---|---|---|---|---|',
  );
  for (const action of catalog.actions) {
    const required = [...action.required_settings, ...(action.needs_then_status ? ['then_status_id'] : [])];
    lines.push(
      `| \`${action.name}\` | ${action.label} | ${code(action.channels)} | ${code(required)} | ${code(action.optional_settings)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
