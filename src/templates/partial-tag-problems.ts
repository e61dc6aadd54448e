/**
 * Templates stand alone: `{% include %}`, `{% render %}` and `{% layout %}` name other templates,
 * and there are none to name (the engine's template map is empty, so at render time they fail
 * rather than read a file, see liquid-engine.ts). Refusing them when a template is saved says so
 * to the person writing it, instead of a message failing when it is due.
 */
import { toValueSync, type Template } from 'liquidjs';
import { createLiquid } from './liquid-engine.js';
import type { TemplateProblem } from './lint-template.js';

const PARTIAL_TAGS = new Set(['include', 'render', 'layout']);

export function partialTagProblems(source: string, part: string): TemplateProblem[] {
  let templates: Template[];
  try {
    templates = createLiquid({ timeZone: 'UTC', country: 'US' }, { lenientFilters: true }).parse(source);
  } catch {
    return []; // a syntax error is lintTemplate's to report
  }
  const problems: TemplateProblem[] = [];
  const walk = (list: Template[]) => {
    for (const template of list) {
      const name = (template as { name?: unknown }).name;
      if (typeof name === 'string' && PARTIAL_TAGS.has(name)) {
        const [line = 1, column = 1] = template.token.getPosition();
        problems.push({
          path: part,
          problem: `uses {% ${name} %}; templates cannot include other files`,
          line,
          column,
        });
      }
      if (template.children) walk(toValueSync(template.children(false, true)) as Template[]);
    }
  };
  walk(templates);
  return problems;
}
