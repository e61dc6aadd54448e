import { STATUS_SCOPES } from '../domain/catalog-rules.js';
import type { StatusKind, TypeKind } from '../domain/record-kinds/index.js';
import type { RecordWriter } from './record-writer.js';
import {
  STARTER_DEPARTMENTS,
  STARTER_RELATIONSHIPS,
  STARTER_REFERRAL_PROGRAMS,
  STARTER_STATUSES,
  STARTER_TYPES,
  STARTER_WEB_FORM_TEMPLATES,
} from './starter-catalogs.js';

/** Ids of the catalog rows written, found by name; an unknown name is a bug and throws. */
export class CatalogIds {
  readonly #ids = new Map<string, number>();

  set(key: string, id: number): void {
    this.#ids.set(key, id);
  }

  #get(key: string): number {
    const id = this.#ids.get(key);
    if (id === undefined) throw new Error(`No starter catalog entry ${key}`);
    return id;
  }

  type(kind: TypeKind, name: string): number {
    return this.#get(`type:${kind}:${name}`);
  }

  /** A status by name; for scoped statuses the type's name picks the right one. */
  status(kind: StatusKind, name: string, typeName?: string): number {
    const scoped = typeName === undefined ? undefined : this.#ids.get(`status:${kind}:${typeName}:${name}`);
    return scoped ?? this.#get(`status:${kind}::${name}`);
  }

  relationship(name: string): number {
    return this.#get(`relationship:${name}`);
  }

  department(name: string): number {
    return this.#get(`department:${name}`);
  }

  referralProgram(name: string): number {
    return this.#get(`referral_program:${name}`);
  }

  webFormTemplate(name: string): number {
    return this.#get(`web_form_template:${name}`);
  }
}

/** Writes the starter catalogs into the writer's studio, at `at`, and returns their ids. */
export async function seedStarterCatalogs(writer: RecordWriter, at: Date): Promise<CatalogIds> {
  const ids = new CatalogIds();
  for (const name of STARTER_DEPARTMENTS) {
    ids.set(`department:${name}`, await writer.create('department', { name }, at));
  }
  for (const [index, name] of STARTER_RELATIONSHIPS.entries()) {
    ids.set(`relationship:${name}`, await writer.create('relationship', { name, sort_order: index + 1 }, at));
  }
  for (const [index, type] of STARTER_TYPES.entries()) {
    const id = await writer.create(
      'type',
      {
        kind: type.kind,
        name: type.name,
        sort_order: index + 1,
        ...(type.minutes !== undefined ? { default_minutes: type.minutes } : {}),
        ...(type.color !== undefined ? { color: type.color } : {}),
      },
      at,
    );
    ids.set(`type:${type.kind}:${type.name}`, id);
  }
  for (const [index, status] of STARTER_STATUSES.entries()) {
    const id = await writer.create(
      'status',
      {
        kind: status.kind,
        name: status.name,
        sort_order: index + 1,
        ...(status.scope !== undefined
          ? { scope_type_id: ids.type(scopeOf(status.kind), status.scope) }
          : {}),
        ...(status.days !== undefined ? { duration_days: status.days } : {}),
        is_initial: status.initial ?? false,
        is_final: status.final ?? false,
        is_submit: status.submit ?? false,
      },
      at,
    );
    ids.set(`status:${status.kind}:${status.scope ?? ''}:${status.name}`, id);
  }
  for (const program of STARTER_REFERRAL_PROGRAMS) {
    ids.set(`referral_program:${program.name}`, await writer.create('referral_program', { ...program }, at));
  }
  for (const template of STARTER_WEB_FORM_TEMPLATES) {
    ids.set(
      `web_form_template:${template.name}`,
      await writer.create('web_form_template', { ...template }, at),
    );
  }
  return ids;
}

function scopeOf(kind: StatusKind): TypeKind {
  const typeKind = STATUS_SCOPES[kind];
  if (!typeKind) throw new Error(`${kind} statuses cannot be scoped by type`);
  return typeKind;
}
