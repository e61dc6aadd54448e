import type { FieldDef, RecordKind } from '../../../../src/domain/record-kinds/index';
import { kindByName } from './screen-kinds';

/** Where a ref field's choices come from: a list of the API and the query that narrows it. */
export interface RefTarget {
  /** The referred kind; null for staff users, who are not a record kind. */
  readonly kind: RecordKind | null;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

/**
 * Types come from the field's type catalog, statuses from the owning kind's status catalog, staff
 * from /users; every other ref from the referred kind's own list.
 */
export function refTargetOf(owner: RecordKind, field: FieldDef): RefTarget {
  if (field.ref === 'user' || !field.ref) return { kind: null, path: 'users', query: {} };
  const kind = kindByName(field.ref);
  if (field.ref === 'type' && field.typeKind)
    return { kind, path: kind.path, query: { kind: field.typeKind } };
  if (field.ref === 'status' && owner.status) {
    return { kind, path: kind.path, query: { kind: owner.status.catalog } };
  }
  return { kind, path: kind.path, query: {} };
}
