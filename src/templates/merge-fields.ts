/**
 * The merge-field catalog: for each record kind a template can be based on, the objects a template
 * may name and their fields. It is derived from the record-kind registry (ARCHITECTURE.md §2), so a
 * field added to a kind is offered to templates without another edit. Only the studio, the staff
 * user and the links are listed by hand: they are not record kinds.
 *
 * Derivation rules, per basis kind K:
 * - `K` itself: `id` and every registry field except secrets (`generated`, or a name containing
 *   token/password/secret), JSON blobs (their keys are unknown, so a linter could not check them)
 *   and the store's `*_set_at` bookkeeping. A reference to a catalog (status, type, department…)
 *   also offers `<name>_name`; a collection (a client's phones) is a list of items.
 * - `client`: reached by following `clientField` (for invoices the bill-to client; production
 *   orders through their invoice; preproduction orders through their session). `via` spells it.
 * - each other record K refers to directly (`session`, `invoice`, `production_order`), under the
 *   referenced kind's name; staff refs (`ref: 'user'`) as staff objects named after the field
 *   without `_id` (`photographer`, `assigned_user`, `staff_user`).
 * - `family_member`: when a client is reachable; filled only for sends to a family member.
 * - `studio` and `links` always.
 */
import { clientSteps } from '../domain/record-kinds/client-steps.js';
import { recordKind, type FieldDef, type FieldType, type RecordKind } from '../domain/record-kinds/index.js';

export { TEMPLATE_BASES, type TemplateBasis } from './template-bases.js';
import type { TemplateBasis } from './template-bases.js';

export type MergeFieldType = Exclude<FieldType, 'json'> | 'list' | 'url';

export interface MergeField {
  /** What a template writes, e.g. `session.start`. */
  readonly path: string;
  readonly type: MergeFieldType;
  readonly label: string;
  /** For `list` fields: the fields of one item, relative (`number`, `label`). */
  readonly items?: readonly MergeField[];
}

export interface MergeObject {
  /** The top-level name, e.g. `client`. */
  readonly name: string;
  readonly label: string;
  /** How the object is reached from the basis record, e.g. `invoice.bill_to_client_id`. */
  readonly via: string;
  /** When the object may be empty although the template is valid. */
  readonly note?: string;
  readonly fields: readonly MergeField[];
}

export interface MergeCatalog {
  readonly basis: TemplateBasis;
  readonly objects: readonly MergeObject[];
}

const SECRET_NAME = /token|password|secret/i;

export const STUDIO_MERGE_FIELDS: readonly MergeField[] = [
  { path: 'studio.name', type: 'text', label: 'Studio name' },
  { path: 'studio.sender_name', type: 'text', label: 'Sender name' },
  { path: 'studio.sender_email', type: 'email', label: 'Sender email' },
  { path: 'studio.sms_from_number', type: 'phone', label: 'SMS number' },
  { path: 'studio.country', type: 'text', label: 'Country' },
  { path: 'studio.time_zone', type: 'text', label: 'Time zone' },
];

const STAFF_FIELDS = [
  { name: 'id', type: 'int', label: 'ID' },
  { name: 'name', type: 'text', label: 'Name' },
  { name: 'email', type: 'email', label: 'Email' },
  { name: 'mobile', type: 'phone', label: 'Mobile' },
] as const;

const LINK_FIELDS: readonly MergeField[] = [
  { path: 'links.web_form_url', type: 'url', label: 'Web form link' },
  { path: 'links.unsubscribe_url', type: 'url', label: 'Unsubscribe link' },
];

function isExposed(field: FieldDef): boolean {
  return (
    field.generated === undefined &&
    field.type !== 'json' &&
    !field.name.endsWith('_set_at') &&
    !SECRET_NAME.test(field.name)
  );
}

function withoutId(name: string): string {
  return name.replace(/_id$/, '');
}

function kindFields(kind: RecordKind, prefix: string): MergeField[] {
  const out: MergeField[] = [{ path: `${prefix}.id`, type: 'int', label: 'ID' }];
  for (const field of kind.fields.filter(isExposed)) {
    out.push({ path: `${prefix}.${field.name}`, type: field.type as MergeFieldType, label: field.label });
    if (field.ref && field.ref !== 'user' && recordKind(field.ref).category === 'catalog') {
      out.push({
        path: `${prefix}.${withoutId(field.name)}_name`,
        type: 'text',
        label: `${field.label} (name)`,
      });
    }
  }
  for (const collection of kind.collections ?? []) {
    const items = collection.fields
      .filter(isExposed)
      .map((field) => ({ path: field.name, type: field.type as MergeFieldType, label: field.label }));
    out.push({ path: `${prefix}.${collection.name}`, type: 'list', label: collection.label, items });
  }
  return out;
}

/** The steps from a kind to its client, e.g. production order → invoice → client; null if none. */
export function clientPath(kind: RecordKind): string[] | null {
  return clientSteps(kind)?.map((step) => `${step.kind.name}.${step.field}`) ?? null;
}

function recordObject(kind: RecordKind, via: string, note?: string): MergeObject {
  return {
    name: kind.name,
    label: kind.label,
    via,
    ...(note ? { note } : {}),
    fields: kindFields(kind, kind.name),
  };
}

export function mergeFieldCatalog(basis: TemplateBasis): MergeCatalog {
  const kind = recordKind(basis);
  const objects: MergeObject[] = [recordObject(kind, 'the record the trigger fired for')];
  const path = clientPath(kind);
  if (path !== null && path.length > 0) objects.push(recordObject(recordKind('client'), path.join(' → ')));
  for (const field of kind.fields) {
    if (!field.ref || field.ref === 'user' || field.ref === 'client' || field.ref === basis) continue;
    const target = recordKind(field.ref);
    if (target.category !== 'record' || objects.some((o) => o.name === target.name)) continue;
    objects.push(recordObject(target, `${basis}.${field.name}`, 'empty when the record has none'));
  }
  for (const field of kind.fields.filter((f) => f.ref === 'user')) {
    const name = withoutId(field.name);
    objects.push({
      name,
      label: field.label,
      via: `${basis}.${field.name}`,
      note: 'a staff user; empty when none is set',
      fields: STAFF_FIELDS.map((f) => ({ path: `${name}.${f.name}`, type: f.type, label: f.label })),
    });
  }
  if (path !== null && basis !== 'family_member') {
    const note = 'filled only when the message is sent to a family member';
    objects.push(recordObject(recordKind('family_member'), 'the recipient, for family-member sends', note));
  }
  objects.push({ name: 'studio', label: 'Studio', via: 'the studio settings', fields: STUDIO_MERGE_FIELDS });
  objects.push({ name: 'links', label: 'Links', via: 'made for each message', fields: LINK_FIELDS });
  return { basis, objects };
}
