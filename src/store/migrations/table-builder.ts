import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Small helpers that keep migrations to the columns that matter. Every studio-owned table gets an
 * integer id, `studio_id`, `created_at` and an indexed `updated_at` (the engine re-checks records
 * changed since its last pass).
 */

// SQLite needs AUTOINCREMENT so that ids of deleted rows are never reused: occurrence keys carry
// record ids, and a reused id would inherit another record's trigger history.
export function idColumn<T extends string>(builder: CreateTableBuilder<T, never>, dialect: DialectName) {
  return dialect === 'sqlite'
    ? builder.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    : builder.addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity());
}

export type ColumnSpec =
  | [name: string, type: 'text' | 'int' | 'bigint' | 'money' | 'bool' | 'bytes', notNull?: 'not null']
  | [name: string, type: 'ref', references: string, onDelete?: 'cascade' | 'set null'];

export async function createStudioTable(
  db: Kysely<unknown>,
  dialect: DialectName,
  table: string,
  columns: readonly ColumnSpec[],
): Promise<void> {
  let builder = idColumn(db.schema.createTable(table), dialect).addColumn('studio_id', 'bigint', (col) =>
    col.notNull().references('studios.id').onDelete('cascade'),
  );
  for (const spec of columns) builder = addColumn(builder, spec, dialect);
  builder = builder
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull());
  await builder.execute();
  await db.schema
    .createIndex(`${table}_updated_idx`)
    .on(table)
    .columns(['studio_id', 'updated_at'])
    .execute();
}

function addColumn<T extends string>(
  builder: CreateTableBuilder<T, never>,
  spec: ColumnSpec,
  dialect: DialectName,
) {
  const [name, type] = spec;
  switch (type) {
    case 'text':
      return builder.addColumn(name, 'text', (col) => (spec[2] ? col.notNull() : col));
    case 'int':
      return builder.addColumn(name, 'integer', (col) => (spec[2] ? col.notNull() : col));
    case 'bigint':
    case 'money':
      return builder.addColumn(name, 'bigint', (col) => (spec[2] ? col.notNull() : col));
    case 'bool':
      return builder.addColumn(name, 'smallint', (col) => col.notNull().defaultTo(0));
    // Files: both drivers bind a Buffer to these and read one back.
    case 'bytes':
      return builder.addColumn(name, dialect === 'sqlite' ? 'blob' : 'bytea', (col) =>
        spec[2] ? col.notNull() : col,
      );
    case 'ref': {
      const onDelete = spec[3] ?? 'restrict';
      return builder.addColumn(name, 'bigint', (col) => col.references(spec[2] as string).onDelete(onDelete));
    }
  }
}

export async function index(db: Kysely<unknown>, table: string, columns: string[], unique = false) {
  const name = `${table}_${columns.join('_')}_idx`;
  let builder = db.schema.createIndex(name).on(table).columns(columns);
  if (unique) builder = builder.unique();
  await builder.execute();
}
