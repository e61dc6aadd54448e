import { STATUS_KINDS, TYPE_KINDS, type RecordKind } from '../../../../src/domain/record-kinds/index';
import { choiceLabel } from '../records/format-field-value';
import { CATALOG_KINDS } from '../records/screen-kinds';

/** Which of the studio's catalogs is shown, and for statuses and types, of which record kind. */
export interface CatalogChoice {
  readonly kind: RecordKind;
  /** The status or type kind (`session`, `task`, …); null for catalogs that are one list. */
  readonly of: string | null;
}

/** Statuses and types are one list per record kind: these name the lists. */
export function subKindsOf(kind: RecordKind): readonly string[] {
  if (kind.name === 'status') return STATUS_KINDS;
  if (kind.name === 'type') return TYPE_KINDS;
  return [];
}

export const CATALOG_OPTIONS = CATALOG_KINDS.map((kind) => ({ value: kind.path, label: kind.plural }));

export const subKindOptions = (kind: RecordKind) =>
  subKindsOf(kind).map((of) => ({ value: of, label: choiceLabel(of) }));

/** The choice in the address (`?tab=catalogs&catalog=statuses&of=session`), or the first one. */
export function catalogChoiceOf(params: URLSearchParams): CatalogChoice {
  const kind = CATALOG_KINDS.find((k) => k.path === params.get('catalog')) ?? CATALOG_KINDS[0];
  if (!kind) throw new Error('the registry has no catalogs');
  const subKinds = subKindsOf(kind);
  const asked = params.get('of');
  const of = subKinds.length === 0 ? null : subKinds.includes(asked ?? '') ? asked : (subKinds[0] ?? null);
  return { kind, of };
}
