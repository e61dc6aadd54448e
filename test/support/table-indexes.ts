import { sql } from 'kysely';
import type { Store } from '../../src/store/database.js';

export interface TableIndex {
  name: string;
  unique: boolean;
  /** Indexed columns in index order. */
  columns: string[];
}

/** The indexes of a table, read from the database catalog (which differs per dialect). */
export async function indexesOf(store: Store, table: string): Promise<TableIndex[]> {
  if (store.dialect === 'sqlite') {
    const rows = await sql<{ name: string; unique: number; column: string }>`
      select il.name as name, il."unique" as "unique", ii.name as "column"
      from pragma_index_list(${table}) as il, pragma_index_info(il.name) as ii
      order by il.name, ii.seqno`.execute(store.db);
    const byName = new Map<string, TableIndex>();
    for (const row of rows.rows) {
      const index = byName.get(row.name) ?? { name: row.name, unique: row.unique === 1, columns: [] };
      index.columns.push(row.column);
      byName.set(row.name, index);
    }
    return [...byName.values()];
  }
  const rows = await sql<{ name: string; unique: boolean; columns: string[] }>`
    select i.relname as name, ix.indisunique as "unique",
           array_agg(a.attname::text order by k.ord) as columns
    from pg_index ix
    join pg_class t on t.oid = ix.indrelid
    join pg_class i on i.oid = ix.indexrelid
    join pg_namespace n on n.oid = t.relnamespace
    cross join lateral unnest(ix.indkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
    where t.relname = ${table} and n.nspname = current_schema()
    group by i.relname, ix.indisunique`.execute(store.db);
  return rows.rows;
}
