import {
  recordKind,
  type FieldDef,
  type RecordKind,
  type RecordKindName,
  type TypeKind,
} from '../../src/domain/record-kinds/index.js';
import type { ApiClient } from './api-client.js';

export type Variant = 0 | 1;

let serial = 0;

/**
 * A valid value for a field, in the form the API gives it back (E.164 phones, UTC instants with
 * milliseconds), so that a test can compare what it sent with what it reads. Variant 1 differs from
 * variant 0 in every field type. Text carries a serial number so that values unique per studio
 * (a loyalty reward's code) never collide.
 */
export function sampleValue(field: FieldDef, variant: Variant): unknown {
  serial += 1;
  switch (field.type) {
    case 'text':
      return `${field.label} ${variant}-${serial}`.slice(0, field.maxLength ?? 200);
    case 'long_text':
      return `${field.label} ${variant}\nsecond line`;
    case 'int': {
      const low = field.min ?? 0;
      return Math.min(low + 1 + variant, field.max ?? Number.MAX_SAFE_INTEGER);
    }
    case 'money':
      return 1500 + variant;
    case 'bool':
      // False first: several flags may not all be true at once (a status cannot be initial and final).
      return variant === 1;
    case 'date':
      return `2026-05-0${1 + variant}`;
    case 'datetime':
      return `2026-05-0${1 + variant}T14:30:00.000Z`;
    case 'email':
      return `sample${variant}@example.com`;
    case 'phone':
      return `+1212555014${variant}`;
    case 'choice': {
      const choices = field.choices ?? [];
      return choices[variant % choices.length];
    }
    case 'json':
      return { sample: variant, nested: { list: [1, 2] } };
    case 'ref':
      throw new Error(`A reference (${field.name}) has no sample value of its own`);
  }
}

/**
 * Builds valid create bodies for any kind in the registry and creates the rows their required
 * references need (a client for a session, a task type for a task …), once per kind. Optional
 * references stay empty, so a new kind or field is covered by the tests without writing a fixture.
 */
export class RecordSamples {
  readonly #api: ApiClient;
  readonly #staffUserId: number;
  readonly #refs = new Map<string, number>();

  constructor(api: ApiClient, staffUserId: number) {
    this.#api = api;
    this.#staffUserId = staffUserId;
  }

  async input(kind: RecordKind, variant: Variant = 0): Promise<Record<string, unknown>> {
    const body: Record<string, unknown> = {};
    for (const field of kind.fields) {
      if (field.readOnly) continue;
      if (field.type === 'ref') {
        if (field.required) body[field.name] = await this.reference(field);
        continue;
      }
      body[field.name] = sampleValue(field, variant);
    }
    // A definition is checked against the form format; one unbound field suits every basis.
    if (kind.name === 'web_form_template') {
      body.definition = { pages: [{ fields: [{ name: 'wishes', type: 'text', label: 'Wishes' }] }] };
    }
    for (const collection of kind.collections ?? []) {
      body[collection.name] = [
        Object.fromEntries(collection.fields.map((f) => [f.name, sampleValue(f, variant)])),
      ];
    }
    return body;
  }

  /** Creates a record of the kind through the API and returns it. */
  async create(kind: RecordKind | RecordKindName, overrides: Record<string, unknown> = {}): Promise<any> {
    const resolved = typeof kind === 'string' ? recordKind(kind) : kind;
    return this.#api.create(`/${resolved.path}`, { ...(await this.input(resolved)), ...overrides });
  }

  /** An id that a required reference field can point at, created on first use. */
  async reference(field: FieldDef): Promise<number> {
    if (field.ref === 'user') return this.#staffUserId;
    const key = field.typeKind ? `type:${field.typeKind}` : String(field.ref);
    const known = this.#refs.get(key);
    if (known !== undefined) return known;
    const created = field.typeKind
      ? await this.type(field.typeKind)
      : await this.create(recordKind(field.ref as RecordKindName));
    this.#refs.set(key, created.id);
    return created.id;
  }

  async type(kind: TypeKind, name = `${kind} type ${++serial}`): Promise<any> {
    return this.#api.create('/types', { kind, name });
  }
}
