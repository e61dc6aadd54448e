import { beforeAll, expect, it } from 'vitest';
import { RECORD_KINDS, recordKind, type RecordKind } from '../../src/domain/record-kinds/index.js';
import { forEachDialect } from '../support/dialects.js';
import { indexesOf, type TableIndex } from '../support/table-indexes.js';

interface SchemaFacts {
  columns: Map<string, Set<string>>;
  indexes: Map<string, TableIndex[]>;
}

const startsWith = (index: TableIndex, columns: string[]) =>
  columns.every((column, position) => index.columns[position] === column);

/**
 * What the registry needs from the schema and the schema lacks, as sentences; and columns the
 * schema has that the registry does not know (a migration nobody described). Migrations are
 * written by hand (docs/decisions.md), so this is what keeps the two in step.
 */
function registrySchemaProblems(kinds: readonly RecordKind[], schema: SchemaFacts): string[] {
  const problems: string[] = [];
  const check = (table: string, needed: string[]) => {
    const columns = schema.columns.get(table);
    if (!columns) return void problems.push(`${table}: no such table`);
    for (const column of needed) {
      if (!columns.has(column)) problems.push(`${table}.${column}: no column`);
    }
    for (const column of columns) {
      if (!needed.includes(column)) problems.push(`${table}.${column}: not in the registry`);
    }
    const indexes = schema.indexes.get(table) ?? [];
    if (!indexes.some((index) => startsWith(index, ['studio_id', 'updated_at']))) {
      problems.push(`${table}: no index leading with (studio_id, updated_at)`);
    }
  };
  const meta = ['id', 'studio_id', 'created_at', 'updated_at'];
  for (const kind of kinds) {
    const needed = [...meta];
    for (const field of kind.fields) {
      needed.push(field.name);
      if (field.anchor) needed.push(`${field.name}_set_at`);
    }
    check(kind.table, needed);
    for (const field of kind.fields.filter((f) => f.unique)) {
      const unique = (schema.indexes.get(kind.table) ?? []).some(
        (index) => index.unique && index.columns.join() === `studio_id,${field.name}`,
      );
      if (!unique)
        problems.push(`${kind.table}.${field.name}: no unique index on (studio_id, ${field.name})`);
    }
    for (const collection of kind.collections ?? []) {
      const childNeeded = [...meta, `${kind.name}_id`, 'position', ...collection.fields.map((f) => f.name)];
      check(collection.table, childNeeded);
    }
  }
  return problems;
}

forEachDialect('registry and schema agree', (store) => {
  let schema: SchemaFacts;

  beforeAll(async () => {
    const tables = await store().db.introspection.getTables();
    schema = {
      columns: new Map(tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))])),
      indexes: new Map(
        await Promise.all(tables.map(async (t) => [t.name, await indexesOf(store(), t.name)] as const)),
      ),
    };
  });

  it('has every registry column, <field>_set_at for every anchor, the unique indexes, an index leading with (studio_id, updated_at), and no undescribed column', () => {
    expect(registrySchemaProblems(RECORD_KINDS, schema)).toEqual([]);
  });

  it('notices a registry field, anchor or unique rule that no migration has made', () => {
    const session = recordKind('session');
    const drifted: RecordKind = {
      ...session,
      fields: [
        ...session.fields,
        { name: 'mood', type: 'text', label: 'Mood' },
        { name: 'delivered_on', type: 'date', label: 'Delivered', anchor: true },
        { name: 'session_number', type: 'text', label: 'Number', unique: true },
      ],
    };
    expect(registrySchemaProblems([drifted], schema)).toEqual([
      'sessions.mood: no column',
      'sessions.delivered_on: no column',
      'sessions.delivered_on_set_at: no column',
      'sessions.session_number: no unique index on (studio_id, session_number)',
    ]);
    const forgotten: RecordKind = { ...session, fields: session.fields.filter((f) => f.name !== 'notes') };
    expect(registrySchemaProblems([forgotten], schema)).toEqual(['sessions.notes: not in the registry']);
    const unindexed = { ...schema, indexes: new Map<string, TableIndex[]>() };
    expect(registrySchemaProblems([session], unindexed)).toEqual([
      'sessions: no index leading with (studio_id, updated_at)',
    ]);
  });
});
