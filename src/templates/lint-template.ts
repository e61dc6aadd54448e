/**
 * Checks a template when it is saved (SPEC §3.4: "Unknown fields are rejected when a template is
 * saved"), collecting every problem with its line and column: a Liquid syntax error (LiquidJS stops
 * at the first, so there is at most one, and nothing else can be checked then), each reference to a
 * merge field the basis does not offer, and each unknown filter.
 *
 * Variables come from LiquidJS's static analysis (`analyzeSync`), which reports the names a template
 * expects from its data with their positions, leaving out names the template defines itself
 * (`assign`, `capture`, `for` loop variables, `forloop`). Filters are found by walking the parsed
 * tree; LiquidJS keeps a filter's own token private, so a filter problem carries the position of
 * the tag or output that uses it.
 */
import { analyzeSync, toValueSync, Value, type Template } from 'liquidjs';
import { closestName } from './closest-name.js';
import { createLiquid } from './liquid-engine.js';
import { mergeFieldCatalog, type MergeField, type TemplateBasis } from './merge-fields.js';
import { liquidErrorDetail } from './liquid-error-detail.js';

export interface TemplateProblem {
  /** The template part, e.g. `subject` or `body`. */
  readonly path: string;
  readonly problem: string;
  readonly line: number;
  readonly column: number;
}

type Segment = string | number | object;

/** Liquid's own names for a list's items and length. */
const LIST_ITEM = new Set(['first', 'last']);

export function lintTemplate(source: string, basis: TemplateBasis, part: string): TemplateProblem[] {
  // Zone and country do not change what parses; any valid pair will do.
  const liquid = createLiquid({ timeZone: 'UTC', country: 'US' }, { lenientFilters: true });
  let templates: Template[];
  try {
    templates = liquid.parse(source);
  } catch (error) {
    const { message, line, column } = liquidErrorDetail(error);
    return [{ path: part, problem: `has a syntax error: ${message}`, line, column }];
  }
  const problems: TemplateProblem[] = [];
  const fields = new Map<string, MergeField>();
  const objects = new Set<string>();
  for (const object of mergeFieldCatalog(basis).objects) {
    objects.add(object.name);
    for (const field of object.fields) fields.set(field.path, field);
  }
  for (const variables of Object.values(analyzeSync(templates, { partials: false }).globals)) {
    for (const variable of variables) {
      const problem = fieldProblem(variable.segments, fields, objects);
      if (problem)
        problems.push({ path: part, problem, line: variable.location.row, column: variable.location.col });
    }
  }
  for (const { name, template } of filterUses(templates)) {
    if (Object.hasOwn(liquid.filters, name)) continue;
    const [line = 1, column = 1] = template.token.getPosition();
    const suggestion = closestName(name, Object.keys(liquid.filters));
    const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
    problems.push({ path: part, problem: `uses the unknown filter "${name}"${hint}`, line, column });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * A reference is fine when it names an object (`{% if family_member %}`), a field of one, the
 * `size` of a field, or an item field of a list (`client.phones.first.number`). A computed segment
 * (`client[name]`) cannot be checked statically, so the rest of such a path is accepted.
 */
function fieldProblem(
  segments: Segment[],
  fields: Map<string, MergeField>,
  objects: Set<string>,
): string | null {
  const [root, key, ...rest] = segments;
  if (typeof root !== 'string') return null;
  if (!objects.has(root)) return unknown(root, objects);
  if (typeof key !== 'string') return null;
  const path = `${root}.${key}`;
  const field = fields.get(path);
  if (!field) return unknown(path, fields.keys());
  const [next, itemKey, ...more] = rest;
  if (next === undefined || next === 'size') return rest.length <= 1 ? null : `"${path}.size" has no fields`;
  if (field.type !== 'list') return typeof next === 'string' ? `"${path}" has no field "${next}"` : null;
  if (!(typeof next === 'number' || LIST_ITEM.has(String(next)))) {
    return `"${path}" is a list; use ${path}.first.<field> or a for loop`;
  }
  if (typeof itemKey !== 'string' || more.length > 0) return null;
  const items = field.items?.map((item) => item.path) ?? [];
  if (items.includes(itemKey)) return null;
  const suggestion = closestName(itemKey, items);
  return `"${path}" items have no field "${itemKey}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
}

function unknown(name: string, known: Iterable<string>): string {
  const suggestion = closestName(name, known);
  return `"${name}" is not a merge field here${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
}

function* filterUses(templates: Template[]): Generator<{ name: string; template: Template }> {
  for (const template of templates) {
    for (const argument of template.arguments?.() ?? []) {
      if (argument instanceof Value)
        for (const filter of argument.filters) yield { name: filter.name, template };
    }
    if (template.children) yield* filterUses(toValueSync(template.children(false, true)) as Template[]);
  }
}
