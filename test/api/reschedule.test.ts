import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../src/domain/record-kinds/index.js';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';

const RESCHEDULABLE = RECORD_KINDS.filter((kind) => (kind.reschedule ?? []).length > 0);

forEachDialect('records API: rescheduling clears "confirmed"', (store) => {
  const ctx = useStudioApi(store);

  it('covers the kinds SPEC says can be rescheduled', () => {
    expect(RESCHEDULABLE.map((k) => k.name)).toEqual(['session', 'appointment']);
  });

  for (const kind of RESCHEDULABLE) {
    describe(kind.name, () => {
      const confirmed = async () => {
        const { samples } = ctx();
        return samples.create(kind, {
          start: '2026-04-10T14:00:00-04:00',
          end: '2026-04-10T15:00:00-04:00',
          confirmed: true,
        });
      };
      const patch = async (id: number, body: Record<string, unknown>) => {
        const response = await ctx().owner.patch(`/${kind.path}/${id}`, body);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body;
      };

      for (const field of kind.reschedule ?? []) {
        it(`clears confirmed when ${field} moves`, async () => {
          const record = await confirmed();
          expect(record.confirmed).toBe(true);
          const moved = await patch(record.id, { [field]: '2026-04-11T14:30:00-04:00' });
          expect(moved).toMatchObject({ [field]: '2026-04-11T18:30:00.000Z', confirmed: false });
        });
      }

      it('keeps confirmed when the same request moves the start and confirms', async () => {
        const record = await confirmed();
        const moved = await patch(record.id, { start: '2026-04-12T09:00:00-04:00', confirmed: true });
        expect(moved).toMatchObject({ start: '2026-04-12T13:00:00.000Z', confirmed: true });
      });

      it('keeps confirmed when a PATCH does not move the start, even written in another offset', async () => {
        const record = await confirmed();
        expect(await patch(record.id, { location: 'Beach' })).toMatchObject({ confirmed: true });
        expect(await patch(record.id, { start: '2026-04-10T18:00:00Z' })).toMatchObject({ confirmed: true });
        expect(await patch(record.id, { start: '2026-04-10T20:00:00+02:00' })).toMatchObject({
          confirmed: true,
        });
      });

      it('does not confirm an unconfirmed record that is moved', async () => {
        const { samples } = ctx();
        const record = await samples.create(kind, { confirmed: false });
        expect(await patch(record.id, { start: '2026-04-13T09:00:00Z' })).toMatchObject({ confirmed: false });
      });
    });
  }
});
