import type { RecordKind } from '../domain/record-kinds/index.js';
import { listParameters, MAX_PAGE, sortColumns, type ListParameter } from '../store/list-records.js';

/**
 * The query string of a kind's list, for the OpenAPI document: the parameters `listRecords`
 * accepts, each with the values it takes. Like the body schemas it describes; the store checks.
 */
type Schema = Record<string, unknown>;

/** The sort values a list accepts, either way. */
function sortValues(kind: RecordKind): string[] {
  return [...sortColumns(kind).keys()].flatMap((name) => [name, `-${name}`]);
}

function parameterSchema(kind: RecordKind, p: ListParameter): Schema {
  const field = p.field;
  switch (p.role) {
    case 'q':
      return {
        type: 'string',
        maxLength: 200,
        description:
          'Text search: a case-insensitive substring of the searchable fields (names, numbers, email addresses, phone numbers in any format). % and _ are plain characters.',
      };
    case 'sort':
      return {
        type: 'string',
        enum: sortValues(kind),
        default: kind.defaultSort,
        description:
          'Field to sort by; "-" first for descending. Empty values come last ascending, first descending.',
      };
    case 'cursor':
      return { type: 'string', description: 'next_cursor of the previous page, with the same sort' };
    case 'limit':
      return { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 50, description: 'Page size' };
    case 'from':
    case 'to': {
      const edge = p.role === 'from' ? 'on or after' : 'on or before';
      return field?.type === 'datetime'
        ? {
            type: 'string',
            description: `${field.label} ${edge}: a date (YYYY-MM-DD, the studio-local day) or a date-time with an offset (write "+" as %2B)`,
          }
        : { type: 'string', format: 'date', description: `${field?.label} ${edge} (YYYY-MM-DD)` };
    }
    case 'equals': {
      const label = field?.label ?? p.name;
      if (field?.type === 'bool') return { type: 'string', enum: ['true', 'false'], description: label };
      if (field?.type === 'datetime')
        return { type: 'string', enum: ['null'], description: `${label}: has none` };
      if (field?.type === 'date') {
        const none = field.required ? '' : ', or "null": has none';
        return { type: 'string', description: `${label} is this day (YYYY-MM-DD)${none}` };
      }
      const none = field?.required ? '' : ' ("null" or empty: has none)';
      if (field?.type === 'choice') {
        return {
          type: 'string',
          enum: [...(field.choices ?? []), ...(field.required ? [] : ['null'])],
          description: `${label} equals${none}`,
        };
      }
      return { type: 'string', description: `${label} equals${none}` };
    }
  }
}

export function listQuerySchema(kind: RecordKind): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(listParameters(kind).map((p) => [p.name, parameterSchema(kind, p)])),
  };
}
