import type { ProblemDetail } from './errors.js';
import type { StatusKind, TypeKind } from './record-kinds/index.js';
import type { StoredRow } from './validate-record-input.js';

/** Status catalogs that may be scoped per type, and the type catalog that scopes each. */
export const STATUS_SCOPES: Partial<Record<StatusKind, TypeKind>> = {
  session: 'session',
  appointment: 'appointment',
  production_order: 'production_order',
  task: 'task',
  email: 'email',
};

/** Rules between fields of a status that the field-by-field check cannot see. */
export function statusRowProblems(row: StoredRow): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const kind = row.kind as StatusKind;
  if (row.scope_type_id != null && STATUS_SCOPES[kind] === undefined) {
    problems.push({
      path: 'scope_type_id',
      problem: `must be empty: ${kind} statuses are not scoped by type`,
    });
  }
  if (row.is_submit === 1 && kind !== 'web_form') {
    problems.push({ path: 'is_submit', problem: 'applies to web form statuses only' });
  }
  if (row.is_initial === 1 && row.is_final === 1) {
    problems.push({ path: 'is_final', problem: 'must not be set together with is_initial' });
  }
  return problems;
}
