import type { ProblemDetail } from '../errors.js';
import type { StoredRow } from '../validate-record-input.js';
import type { FormBasis } from './form-bindings.js';

const BASES: readonly FormBasis[] = ['client', 'session', 'invoice', 'contact_us'];
import { parseFormDefinition } from './form-definition.js';

/**
 * The problems of a web form template row's definition (stored as JSON text). A template without a
 * definition is allowed, so that catalogs can be set up before their forms are written; it cannot
 * be filled in until it has one.
 */
export function templateDefinitionProblems(row: StoredRow): ProblemDetail[] {
  // A basis outside the list is the basis field's own problem, reported by its validation.
  if (row.definition == null || !BASES.includes(row.basis as FormBasis)) return [];
  return parseFormDefinition(JSON.parse(String(row.definition)), row.basis as FormBasis).problems;
}
