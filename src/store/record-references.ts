import { STATUS_SCOPES } from '../domain/catalog-rules.js';
import type { ProblemDetail } from '../domain/errors.js';
import { recordKind, type FieldDef, type RecordKind, type StatusKind } from '../domain/record-kinds/index.js';
import type { StoredRow } from '../domain/validate-record-input.js';
import { loose, type LooseDb } from './record-table.js';
import type { Db } from './database.js';

/**
 * Checks that every reference a record makes points at a row of the same studio and of the right
 * catalog: a session type for `session_type_id`, a status of the record's own kind (and of its type,
 * where statuses are scoped) for `status_id`, a member of the studio for a staff user. A reference
 * into another studio is reported exactly like a missing one, so ids of other studios leak nothing.
 */
export async function referenceProblems(
  db: Db,
  studioId: number,
  kind: RecordKind,
  merged: StoredRow,
  changed: ReadonlySet<string>,
): Promise<ProblemDetail[]> {
  const problems: ProblemDetail[] = [];
  const ldb = loose(db);
  for (const field of kind.fields) {
    const value = merged[field.name];
    if (field.type !== 'ref' || value == null) continue;
    const scopeChanged = kind.status?.scopedBy !== undefined && changed.has(kind.status.scopedBy);
    if (!changed.has(field.name) && !(field.name === 'status_id' && scopeChanged)) continue;
    const problem = await referenceProblem(ldb, studioId, kind, field, Number(value), merged, changed);
    if (problem) problems.push({ path: field.name, problem });
  }
  return problems;
}

async function referenceProblem(
  db: LooseDb,
  studioId: number,
  kind: RecordKind,
  field: FieldDef,
  id: number,
  merged: StoredRow,
  changed: ReadonlySet<string>,
): Promise<string | null> {
  if (field.ref === 'user') {
    const member = await db
      .selectFrom('memberships')
      .select('id')
      .where('studio_id', '=', studioId)
      .where('user_id', '=', id)
      .executeTakeFirst();
    return member ? null : `is not a staff member of this studio (user ${id})`;
  }
  const target = recordKind(field.ref ?? 'client');
  const row = (await db
    .selectFrom(target.table)
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .executeTakeFirst()) as StoredRow | undefined;
  if (!row) return `refers to ${target.label.toLowerCase()} ${id}, which does not exist`;
  if (field.typeKind && row.kind !== field.typeKind) {
    return `refers to type ${id}, which is a ${String(row.kind)} type, not a ${field.typeKind} type`;
  }
  if (kind.name === 'status' && field.name === 'scope_type_id') {
    const wanted = STATUS_SCOPES[merged.kind as StatusKind];
    if (wanted && row.kind !== wanted) return `must be a ${wanted} type, not a ${String(row.kind)} type`;
  }
  if (field.name === 'status_id' && kind.status) {
    if (row.kind !== kind.status.catalog) {
      return `refers to status ${id}, which is a ${String(row.kind)} status, not a ${kind.status.catalog} status`;
    }
    const scopedBy = kind.status.scopedBy;
    // An invalid type (left out of `merged`) is reported on its own field; the status is not
    // judged against it.
    const typeId = scopedBy ? merged[scopedBy] : undefined;
    if (typeId !== undefined && row.scope_type_id != null && row.scope_type_id !== typeId) {
      return `refers to status "${String(row.name)}", which is for another ${kind.label.toLowerCase()} type`;
    }
    if (row.is_inactive === 1 && changed.has('status_id'))
      return `refers to status "${String(row.name)}", which is inactive`;
  }
  return null;
}
