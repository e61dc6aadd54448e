import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, type RecordKind } from '../../src/domain/record-kinds/index.js';
import { forEachDialect } from '../support/dialects.js';
import { sampleValue } from '../support/record-samples.js';
import { useStudioApi } from '../support/studio-api.js';

/** The first field a PATCH can change freely: not a reference, not fixed, not set by Triggerfish. */
function editableField(kind: RecordKind) {
  const field = kind.fields.find((f) => f.type !== 'ref' && !f.readOnly && !f.immutable);
  if (!field) throw new Error(`${kind.name} has no freely editable field to test with`);
  return field;
}

forEachDialect('records API: create, read, update, delete for every kind', (store) => {
  const ctx = useStudioApi(store);

  for (const kind of RECORD_KINDS) {
    describe(kind.name, () => {
      it(`creates a ${kind.label.toLowerCase()} and reads back every field as sent`, async () => {
        const { owner, samples, clock } = ctx();
        const input = await samples.input(kind);
        const created = await owner.create(`/${kind.path}`, input);
        expect(created).toMatchObject(input);
        expect(created.id).toEqual(expect.any(Number));
        expect(created.created_at).toBe(clock.now().toISOString());
        expect(created.updated_at).toBe(created.created_at);
        expect(await owner.read(`/${kind.path}/${created.id}`)).toEqual(created);
      });

      it(`changes only the fields a PATCH gives on a ${kind.label.toLowerCase()}`, async () => {
        const { owner, samples, clock } = ctx();
        const created = await samples.create(kind);
        const field = editableField(kind);
        const value = sampleValue(field, 1);
        clock.advance(60_000);
        const patched = await owner.patch(`/${kind.path}/${created.id}`, { [field.name]: value });
        expect(patched.status).toBe(200);
        expect(patched.body).toEqual({
          ...created,
          [field.name]: value,
          updated_at: clock.now().toISOString(),
        });
      });

      it(`leaves a ${kind.label.toLowerCase()} and its updated_at alone when a PATCH changes nothing`, async () => {
        const { owner, samples, clock } = ctx();
        const created = await samples.create(kind);
        const field = editableField(kind);
        clock.advance(60_000);
        const same = await owner.patch(`/${kind.path}/${created.id}`, { [field.name]: created[field.name] });
        expect(same.status).toBe(200);
        expect(same.body).toEqual(created);
      });

      it(`lists a new ${kind.label.toLowerCase()} and deletes it for good`, async () => {
        const { owner, samples } = ctx();
        const created = await samples.create(kind);
        const list = await owner.read(`/${kind.path}?limit=500`);
        expect(list.data.map((r: any) => r.id)).toContain(created.id);
        expect((await owner.delete(`/${kind.path}/${created.id}`)).status).toBe(204);
        const gone = await owner.get(`/${kind.path}/${created.id}`);
        expect(gone.status).toBe(404);
        expect(gone.body).toEqual({
          code: 'ERR_NOT_FOUND',
          message: `${kind.label} ${created.id} was not found`,
          details: [],
        });
        expect((await owner.delete(`/${kind.path}/${created.id}`)).status).toBe(404);
      });
    });
  }
});
