/**
 * The shape of the record-kind registry (ARCHITECTURE.md §2). Each kind of studio record and
 * catalog is described once; API schemas, validation, list filters, the demo, the CSV import and
 * (later) merge fields and trigger date options are derived from these descriptions.
 */

export const RECORD_KIND_NAMES = [
  'client',
  'family_member',
  'session',
  'appointment',
  'invoice',
  'production_order',
  'preproduction_order',
  'task',
  'web_form_template',
  'web_form',
  'loyalty_reward',
  'referral_program',
  'status',
  'type',
  'relationship',
  'department',
] as const;

export type RecordKindName = (typeof RECORD_KIND_NAMES)[number];

/** What a `ref` field points at: another kind of the same studio, or a staff user of the studio. */
export type RefTarget = RecordKindName | 'user';

export type FieldType =
  | 'text'
  | 'long_text'
  | 'int'
  | 'money'
  | 'bool'
  | 'date'
  | 'datetime'
  | 'email'
  | 'phone'
  | 'choice'
  | 'ref'
  | 'json';

/** Status catalogs: one per record kind that has statuses. */
export const STATUS_KINDS = [
  'client',
  'session',
  'appointment',
  'invoice',
  'production_order',
  'preproduction_order',
  'task',
  'web_form',
  'email',
] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

/** Type catalogs. */
export const TYPE_KINDS = [
  'session',
  'appointment',
  'task',
  'production_order',
  'phone_call',
  'email',
] as const;
export type TypeKind = (typeof TYPE_KINDS)[number];

export type ConsentChannel = 'email' | 'sms' | 'mail' | 'phone';

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  readonly label: string;
  readonly required?: boolean;
  /** Value used on create when the input leaves the field out. */
  readonly default?: string | number | boolean;
  /** On create, when left out: `now`, or the value of another field (e.g. bill-to = client). */
  readonly defaultFrom?: 'now' | string;
  /** Filled by the store on create with an unguessable secret (256 bits, base64url). */
  readonly generated?: 'secret';
  /** For `ref`: the kind referred to. */
  readonly ref?: RefTarget;
  /** For a `ref` to `type`: which type catalog; for `status` refs the kind's `status` says it. */
  readonly typeKind?: TypeKind;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** Set by the system (e.g. the status due date); rejected in input. */
  readonly readOnly?: boolean;
  /** Fixed once the record exists (e.g. the kind of a status). */
  readonly immutable?: boolean;
  /** A date anchor triggers can key on; the store keeps `<name>_set_at` for the baseline. */
  readonly anchor?: boolean;
  /** No two records of a studio share the value; a unique index on (studio_id, field) backs it. */
  readonly unique?: boolean;
  /** Included in the `q` text search of lists. */
  readonly search?: boolean;
  /** A change of this flag writes a consent-ledger row for the channel. */
  readonly consent?: ConsentChannel;
  /** For a `ref` to the owning record: deleting the owner deletes this record too. */
  readonly ownedBy?: boolean;
}

/** A list of child rows owned by a record and written with it, e.g. a client's phone numbers. */
export interface CollectionDef {
  readonly name: string;
  readonly table: string;
  readonly label: string;
  readonly fields: readonly FieldDef[];
}

export interface RecordKind {
  readonly name: RecordKindName;
  readonly label: string;
  readonly plural: string;
  /** URL segment under /api/v1 and table name share this. */
  readonly path: string;
  readonly table: string;
  /** Catalogs are set up by owners and admins; records are worked by all staff. */
  readonly category: 'record' | 'catalog';
  readonly fields: readonly FieldDef[];
  readonly collections?: readonly CollectionDef[];
  /** The kind has a status from this catalog, kept in `status_id` with history. */
  readonly status?: { readonly catalog: StatusKind; readonly scopedBy?: string };
  /** Changing any of these fields clears `confirmed` (a reschedule). */
  readonly reschedule?: readonly string[];
  /** The field that leads to the record's client, used for merge data and recipients. */
  readonly clientField?: string;
  /** Default sort of lists. */
  readonly defaultSort: string;
}

export function fieldOf(kind: RecordKind, name: string): FieldDef | undefined {
  return kind.fields.find((field) => field.name === name);
}
