import type { ProblemDetail } from './errors.js';
import type { FieldDef } from './record-kinds/index.js';
import { checkFields, type StoredRow } from './validate-record-input.js';

/** A status change as the API receives it: the body of `POST /api/v1/<records>/{id}/status`. */
export interface StatusChangeInput {
  /** The status to enter, or null to leave the current one without entering another. */
  statusId: number | null;
  /** Overrides the due date computed from the status's duration; null means "no due date". */
  dueDate?: string | null;
  note?: string | null;
}

const FIELDS: readonly FieldDef[] = [
  { name: 'status_id', type: 'ref', ref: 'status', label: 'Status' },
  { name: 'due_date', type: 'date', label: 'Due date' },
  { name: 'note', type: 'long_text', label: 'Note', maxLength: 2000 },
];

/**
 * Checks a status-change body with the same field rules (and words) as record bodies, reporting
 * every problem at once. `status_id` must be present: null is how a caller says "leave the status".
 */
export function validateStatusChange(input: unknown): {
  change: StatusChangeInput;
  problems: ProblemDetail[];
} {
  const problems: ProblemDetail[] = [];
  const body = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : null;
  if (body === null) {
    return { change: { statusId: null }, problems: [{ path: '', problem: 'must be a JSON object' }] };
  }
  const fields = body as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!FIELDS.some((f) => f.name === key)) {
      problems.push({ path: key, problem: 'is not a field of a status change' });
    }
  }
  const values: StoredRow = {};
  // `update` mode: fields left out stay out, so that "no due_date" and "due_date: null" differ.
  // The country reads phone numbers, and a status change has none.
  checkFields(FIELDS, fields, '', { mode: 'update', country: 'US' }, values, problems);
  if (fields.status_id === undefined) {
    problems.push({ path: 'status_id', problem: 'is required (null leaves the status)' });
  }
  if (fields.status_id === null && fields.due_date != null) {
    problems.push({
      path: 'due_date',
      problem: 'must be empty when status_id is null: there is no stay to be due',
    });
  }
  const change: StatusChangeInput = { statusId: (values.status_id as number | null | undefined) ?? null };
  if ('due_date' in values) change.dueDate = values.due_date as string | null;
  if ('note' in values) change.note = values.note as string | null;
  return { change, problems };
}
