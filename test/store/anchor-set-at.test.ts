import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, type FieldDef, type RecordKind } from '../../src/domain/record-kinds/index.js';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { sampleValue } from '../support/record-samples.js';
import { useStudioApi } from '../support/studio-api.js';

const WITH_ANCHORS = RECORD_KINDS.filter((kind) => kind.fields.some((f) => f.anchor));

/** The same instant or date written differently, which must not count as a change. */
function sameValueRewritten(field: FieldDef, value: string): string {
  if (field.type !== 'datetime') return value;
  return new Date(value).toISOString().replace('.000Z', '+00:00');
}

forEachDialect('store: anchors remember when their value was set', (store) => {
  const ctx = useStudioApi(store);

  const setAt = async (kind: RecordKind, id: number) => {
    const row = await loose(store().db)
      .selectFrom(kind.table)
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return Object.fromEntries(
      kind.fields.filter((f) => f.anchor).map((f) => [f.name, row[`${f.name}_set_at`] ?? null]),
    );
  };

  for (const kind of WITH_ANCHORS) {
    const anchors = kind.fields.filter((f) => f.anchor);
    describe(kind.name, () => {
      it(`sets <anchor>_set_at on create for every anchor given (${anchors.map((f) => f.name).join(', ')})`, async () => {
        const { samples, clock } = ctx();
        const record = await samples.create(kind);
        const created = clock.now().toISOString();
        expect(await setAt(kind, record.id)).toEqual(
          Object.fromEntries(anchors.map((f) => [f.name, record[f.name] === null ? null : created])),
        );
      });

      it('moves <anchor>_set_at only when the anchor value changes, and clears it with the value', async () => {
        const { owner, samples, clock } = ctx();
        const record = await samples.create(kind);
        const before = await setAt(kind, record.id);

        clock.advance(3_600_000);
        const rewrite = Object.fromEntries(
          anchors.filter((f) => !f.defaultFrom).map((f) => [f.name, sameValueRewritten(f, record[f.name])]),
        );
        expect((await owner.patch(`/${kind.path}/${record.id}`, rewrite)).status).toBe(200);
        expect(await setAt(kind, record.id)).toEqual(before);

        clock.advance(3_600_000);
        const [first] = anchors;
        if (!first) throw new Error('unreachable');
        const moved = await owner.patch(`/${kind.path}/${record.id}`, {
          [first.name]: sampleValue(first, 1),
        });
        expect(moved.status).toBe(200);
        expect(await setAt(kind, record.id)).toEqual({ ...before, [first.name]: clock.now().toISOString() });

        const optional = anchors.find((f) => !f.required);
        if (optional) {
          clock.advance(3_600_000);
          await owner.patch(`/${kind.path}/${record.id}`, { [optional.name]: null });
          expect((await setAt(kind, record.id))[optional.name]).toBeNull();
        }
      });
    });
  }
});
