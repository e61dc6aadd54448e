import { sql } from 'kysely';
import type { StatusKind, TypeKind } from '../domain/record-kinds/index.js';
import type { Db } from '../store/database.js';
import { loose } from '../store/record-table.js';

export type Lookup = { id: number } | { problem: string };

interface CatalogRow {
  id: number;
  kind: string;
  name: string;
  scope_type_id?: number | null;
}

const BATCH = 500;

/** Names are matched the way a person reads them: case, spacing and accents-as-typed aside. */
function key(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function label(kind: string): string {
  return kind.replace(/_/g, ' ');
}

/**
 * What the friendly columns of an import are looked up in: the studio's types and statuses by name,
 * and its clients by client number or email address. Clients are fetched for the values the file
 * mentions, in batches, never the whole client list.
 */
export class ImportLookups {
  private constructor(
    private readonly types: CatalogRow[],
    private readonly statuses: CatalogRow[],
    private readonly clientsByNumber: Map<string, number[]>,
    private readonly clientsByEmail: Map<string, number[]>,
  ) {}

  static async load(
    db: Db,
    studioId: number,
    wanted: { clientNumbers?: string[]; clientEmails?: string[] } = {},
  ): Promise<ImportLookups> {
    const ldb = loose(db);
    const types = (await ldb
      .selectFrom('types')
      .select(['id', 'kind', 'name'])
      .where('studio_id', '=', studioId)
      .execute()) as CatalogRow[];
    const statuses = (await ldb
      .selectFrom('statuses')
      .select(['id', 'kind', 'name', 'scope_type_id'])
      .where('studio_id', '=', studioId)
      .execute()) as CatalogRow[];
    const byNumber = new Map<string, number[]>();
    for (const batch of batches(unique(wanted.clientNumbers ?? [], (n) => n.trim()))) {
      const rows = await ldb
        .selectFrom('clients')
        .select(['id', 'client_number'])
        .where('studio_id', '=', studioId)
        .where('client_number', 'in', batch)
        .execute();
      for (const row of rows) push(byNumber, String(row.client_number), Number(row.id));
    }
    const byEmail = new Map<string, number[]>();
    for (const batch of batches(unique(wanted.clientEmails ?? [], (e) => e.trim().toLowerCase()))) {
      const rows = await ldb
        .selectFrom('client_emails')
        .select(['client_id', sql<string>`lower(address)`.as('address')])
        .where('studio_id', '=', studioId)
        .where(sql`lower(address)`, 'in', batch)
        .execute();
      for (const row of rows) {
        const ids = byEmail.get(row.address) ?? [];
        if (!ids.includes(Number(row.client_id))) push(byEmail, row.address, Number(row.client_id));
      }
    }
    return new ImportLookups(types, statuses, byNumber, byEmail);
  }

  type(kind: TypeKind, name: string): Lookup {
    const ofKind = this.types.filter((t) => t.kind === kind);
    const found = ofKind.filter((t) => key(t.name) === key(name));
    return pickOne(found, `${label(kind)} type`, name, ofKind);
  }

  /** A status by name, among those of the kind that apply to the type (unscoped, or of that type). */
  status(kind: StatusKind, name: string, typeId: number | null): Lookup {
    const ofKind = this.statuses.filter((s) => s.kind === kind);
    const named = ofKind.filter((s) => key(s.name) === key(name));
    // Without a known type (it failed to resolve) any scope matches, so only one problem is reported.
    const fitting =
      typeId === null ? named : named.filter((s) => s.scope_type_id == null || s.scope_type_id === typeId);
    if (named.length > 0 && fitting.length === 0) {
      const scopes = named.map((s) => this.types.find((t) => t.id === s.scope_type_id)?.name ?? '?');
      return { problem: `names a status only for ${label(kind)} type ${scopes.join(', ')}: "${name}"` };
    }
    return pickOne(fitting, `${label(kind)} status`, name, ofKind);
  }

  clientByNumber(number: string): Lookup {
    const ids = this.clientsByNumber.get(number.trim()) ?? [];
    return pickClient(ids, `matches no client: "${number.trim()}"`);
  }

  clientByEmail(email: string): Lookup {
    const ids = this.clientsByEmail.get(email.trim().toLowerCase()) ?? [];
    return pickClient(ids, `matches no client: "${email.trim()}"`);
  }
}

function pickOne(found: CatalogRow[], what: string, name: string, all: CatalogRow[]): Lookup {
  if (found.length === 1) return { id: (found[0] as CatalogRow).id };
  if (found.length > 1) {
    const plural = what.endsWith('s') ? `${what}es` : `${what}s`;
    return { problem: `matches ${found.length} ${plural} of that name; give the id instead: "${name}"` };
  }
  const names = [...new Set(all.map((row) => row.name))].join(', ');
  const known = names ? ` (there are: ${names})` : ` (the studio has none)`;
  return { problem: `is not the name of a ${what}: "${name}"${known}` };
}

function pickClient(ids: number[], missing: string): Lookup {
  if (ids.length === 1) return { id: ids[0] as number };
  if (ids.length > 1) return { problem: `matches ${ids.length} clients; give client_id instead` };
  return { problem: missing };
}

function unique(values: string[], normalize: (value: string) => string): string[] {
  return [...new Set(values.map(normalize).filter((value) => value !== ''))];
}

function* batches<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  map.set(key, [...(map.get(key) ?? []), id]);
}
