/**
 * The one place a LiquidJS engine is made. Templates are written by studio staff and, on a hosted
 * deployment, by people we do not trust with the server (SPEC §7: "templates cannot reach anything
 * but their merge data"), so the defaults of LiquidJS are turned around:
 *
 * - `templates: {}`: LiquidJS reads `{% include %}`, `{% render %}` and `{% layout %}` targets from
 *   the working directory by default. An empty in-memory map makes every such lookup fail instead.
 * - `ownPropertyOnly`: `{{ client.constructor }}` and friends resolve to nothing, so a template
 *   cannot walk from its data into prototypes or functions.
 * - `parseLimit`, `renderLimit`, `memoryLimit`: a template cannot spend unbounded CPU or memory
 *   (a loop over a huge range, a string doubled in a loop).
 * - `strictFilters`: an unknown filter is an error, never silently the identity.
 * - `strictVariables` stays off: a field that is empty on this record renders as nothing. Unknown
 *   names are caught when the template is saved (`lintTemplate`), not when a message is due.
 */
import { Liquid } from 'liquidjs';
import { templateFilters, type FilterSettings } from './template-filters.js';

/** Characters of template source parsed at once; a long form letter is a few thousand. */
export const TEMPLATE_PARSE_LIMIT = 200_000;
/** Milliseconds one render may take; a real message renders in well under one. */
export const TEMPLATE_RENDER_LIMIT_MS = 500;
/** LiquidJS's allocation budget (roughly characters and array items created) for one render. */
export const TEMPLATE_MEMORY_LIMIT = 10_000_000;

export type EngineSettings = Pick<FilterSettings, 'timeZone' | 'country'> &
  Partial<Pick<FilterSettings, 'currency' | 'locale'>>;

/** Money defaults: studios have no currency setting yet, and every studio so far bills in dollars. */
export const DEFAULT_CURRENCY = 'USD';
export const DEFAULT_LOCALE = 'en-US';

export interface EngineOptions {
  /** For the linter only: parse unknown filters so that it can report every one, not just the first. */
  readonly lenientFilters?: boolean;
}

export function createLiquid(settings: EngineSettings, options: EngineOptions = {}): Liquid {
  const liquid = new Liquid({
    templates: {},
    relativeReference: false,
    ownPropertyOnly: true,
    strictFilters: !options.lenientFilters,
    strictVariables: false,
    jsTruthy: false,
    cache: false,
    timezoneOffset: settings.timeZone,
    parseLimit: TEMPLATE_PARSE_LIMIT,
    renderLimit: TEMPLATE_RENDER_LIMIT_MS,
    memoryLimit: TEMPLATE_MEMORY_LIMIT,
  });
  const filters = templateFilters({
    timeZone: settings.timeZone,
    country: settings.country,
    currency: settings.currency ?? DEFAULT_CURRENCY,
    locale: settings.locale ?? DEFAULT_LOCALE,
  });
  for (const [name, filter] of Object.entries(filters)) liquid.registerFilter(name, filter);
  return liquid;
}
