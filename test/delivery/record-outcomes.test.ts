import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { fillOutbox, insertBenchStudio } from '../../bench/delivery/outbox-fill.js';
import { dispatchOutbox } from '../../src/delivery/dispatch-outbox.js';
import { loose } from '../../src/store/record-table.js';
import { getStudio } from '../../src/store/studios.js';
import { forEachDialect } from '../support/dialects.js';
import { scripted } from '../support/scripted-channel.js';

/**
 * Outcomes answered together are written in one transaction (group commit). A write the database
 * refuses must fail alone: the other outcomes of its group are still recorded, not left `sending`
 * for their lease to send them again.
 */
forEachDialect('grouped outcome writes', (store, dialect) => {
  const now = new Date('2026-11-23T15:00:00.000Z');
  let studioId: number;
  beforeAll(async () => {
    studioId = await insertBenchStudio(store().db, now);
    await fillOutbox(store().db, studioId, 'sms', 3, now);
  });

  it('records every outcome of a batch answered at once, and one the database refuses fails alone', async () => {
    const ids = (await loose(store().db).selectFrom('deliveries').select('id').orderBy('id').execute()).map(
      (r) => Number(r.id),
    );
    const refused = ids[1];
    // A real refusal from the database: a trigger that aborts the outcome of one delivery.
    if (dialect === 'sqlite') {
      await sql
        .raw(
          `create trigger refuse_one before update of state on deliveries
           when new.id = ${refused} and new.state = 'sent' begin select raise(abort, 'refused'); end`,
        )
        .execute(store().db);
    } else {
      await sql
        .raw(
          `create function refuse_one() returns trigger language plpgsql as $$
           begin raise exception 'refused'; end $$;
           create trigger refuse_one before update of state on deliveries for each row
           when (new.id = ${refused} and new.state = 'sent') execute function refuse_one()`,
        )
        .execute(store().db);
    }
    const channel = scripted(
      ids.map((id) => ({ kind: 'sent' as const, providerId: `SM${id}` })),
      'twilio',
    );
    await expect(
      dispatchOutbox(store().db, await getStudio(store().db, studioId), now, {
        channels: new Map([['twilio', channel]]),
      }),
    ).rejects.toThrow(/refused/);
    expect(channel.sent).toHaveLength(3);
    const states = await loose(store().db)
      .selectFrom('deliveries')
      .select(['id', 'state', 'provider_message_id'])
      .orderBy('id')
      .execute();
    expect(states.map((d) => [Number(d.id), d.state])).toEqual([
      [ids[0], 'sent'],
      [refused, 'sending'],
      [ids[2], 'sent'],
    ]);
    const sentTransitions = await loose(store().db)
      .selectFrom('delivery_transitions')
      .select('delivery_id')
      .where('to_state', '=', 'sent')
      .execute();
    expect(sentTransitions.map((t) => Number(t.delivery_id)).sort()).toEqual([ids[0], ids[2]]);
  });
});
