import { expect, it } from 'vitest';
import { instanceSecret } from '../../src/store/instance-secret.js';
import { forEachDialect } from '../support/dialects.js';

forEachDialect('instance secrets', (store) => {
  const now = new Date('2026-11-02T15:00:00Z');

  it('generates a secret once and gives every caller the same one', async () => {
    const [a, b] = await Promise.all([
      instanceSecret(store().db, 'unsubscribe', now),
      instanceSecret(store().db, 'unsubscribe', now),
    ]);
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(b).toBe(a);
    expect(await instanceSecret(store().db, 'another', now)).not.toBe(a);
  });

  it('keeps it in the database, where every process on the database finds it', async () => {
    const first = await instanceSecret(store().db, 'unsubscribe', now);
    const rows = await store()
      .db.selectFrom('instance_secrets')
      .selectAll()
      .where('name', '=', 'unsubscribe')
      .execute();
    expect(rows).toEqual([{ name: 'unsubscribe', value: first, created_at: now.toISOString() }]);
  });
});
