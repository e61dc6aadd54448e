import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { dropSchema, freshStore, PG_URL } from '../support/dialects.js';

describe.skipIf(!PG_URL)('PostgreSQL introspection', () => {
  it("sees only the tables of the store's own schema, not those of other schemas in the database", async () => {
    const { store, schema } = await freshStore('postgres');
    const neighbour = `t_${randomBytes(6).toString('hex')}`;
    const other = await openStore(PG_URL as string, { schema: neighbour, poolSize: 1 });
    try {
      await other.db.schema.createTable('neighbours_only').addColumn('id', 'integer').execute();
      const tables = await store.db.introspection.getTables();
      expect(tables.map((t) => t.name)).toContain('sessions');
      expect(tables.map((t) => t.name)).not.toContain('neighbours_only');
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([schema]));
      const sessions = tables.find((t) => t.name === 'sessions');
      expect(sessions?.columns.find((c) => c.name === 'id')).toMatchObject({ isNullable: false });
      expect(sessions?.columns.find((c) => c.name === 'notes')).toMatchObject({
        isNullable: true,
        dataType: 'text',
      });
    } finally {
      await other.close();
      await store.close();
      await dropSchema(neighbour);
      if (schema) await dropSchema(schema);
    }
  });
});
