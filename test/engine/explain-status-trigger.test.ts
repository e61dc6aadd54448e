import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { baselineCounts } from '../../src/engine/baseline-counts.js';
import { evaluateStudio } from '../../src/engine/evaluate-studio.js';
import { explainTrigger } from '../../src/engine/explain-trigger.js';
import { forecast } from '../../src/engine/forecast.js';
import { changeRecordStatus } from '../../src/store/change-record-status.js';
import { createRecord } from '../../src/store/records.js';
import { loadStudioContext, type StudioContext } from '../../src/store/studio-context.js';
import { forEachDialect } from '../support/dialects.js';
import { makeStudio } from '../support/studio-fixture.js';
import { insertTrigger } from '../support/trigger-rows.js';

const HOUR = 3_600_000;
const actor = { userId: null, source: 'system' } as const;

forEachDialect('explain, forecast and counts of a status trigger', (store) => {
  const clock = new ManualClock('2026-03-02T15:00:00Z');
  let studio: StudioContext;
  const deps = () => ({ db: store().db, clock });
  const status = async (name: string) =>
    Number((await createRecord(deps(), studio, recordKind('status'), { kind: 'session', name }, actor)).id);

  beforeAll(async () => {
    const fixture = await makeStudio(store(), clock);
    studio = (await loadStudioContext(store().db, fixture.studio.id)) as StudioContext;
  });

  it('explains each stay in the status, with the item of the current one and why the old one left', async () => {
    clock.set('2026-03-02T15:00:00Z');
    const booked = await status('Booked');
    const done = await status('Done');
    const type = Number(
      (await createRecord(deps(), studio, recordKind('type'), { kind: 'session', name: 'Kids' }, actor)).id,
    );
    const client = Number(
      (await createRecord(deps(), studio, recordKind('client'), { first_name: 'A', last_name: 'B' }, actor))
        .id,
    );
    const session = Number(
      (
        await createRecord(
          deps(),
          studio,
          recordKind('session'),
          { client_id: client, session_type_id: type, start: '2026-04-01T15:00:00Z' },
          actor,
        )
      ).id,
    );
    const move = (statusId: number) =>
      changeRecordStatus(deps(), studio, recordKind('session'), session, { statusId }, actor);
    // Already in Booked for a day when the trigger is made: that stay is baselined.
    await move(booked);
    clock.advance(24 * HOUR);
    const triggerId = await insertTrigger(store().db, studio.id, clock.now(), {
      trigger_type: 'session_status',
      date_option: 'status_entered',
      filter_status_id: booked,
      offset_when: 'after',
      offset_amount: 1,
      offset_unit: 'hours',
    });
    const counts = await baselineCounts(store().db, studio, triggerId, clock.now());
    expect(counts).toEqual({ baselined: 1, due_next_30_days: 0 });
    clock.advance(HOUR);
    await move(done);
    clock.advance(HOUR);
    await move(booked);
    expect(await forecast(store().db, studio, clock.now(), { days: 1, triggerId })).toMatchObject({
      total: 1,
      items: [{ record_id: session, trigger_date: new Date(clock.now().getTime() + HOUR).toISOString() }],
    });
    clock.advance(2 * HOUR);
    await evaluateStudio(store().db, studio, clock.now());
    const answer = await explainTrigger(store().db, studio, triggerId, session, clock.now());
    expect(
      answer.occurrences.map((o) => [o.baselined, o.left_status_at !== null, o.item?.state ?? null]),
    ).toEqual([
      [true, true, null],
      [false, false, 'pending'],
    ]);
    expect(answer.occurrences[0]?.verdict).toMatch(/^baselined/);
    expect(answer.summary).toMatch(
      new RegExp(`^Session ${session} got "session_status status_entered": it is in the queue`),
    );
  });
});
