import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { recordEmailEvent } from '../../src/store/email-events.js';
import { recordInboundSms } from '../../src/store/inbound-sms.js';
import { loose } from '../../src/store/record-table.js';
import { createRecord } from '../../src/store/records.js';
import type { StudioContext } from '../../src/store/studio-context.js';
import { insertEmail } from '../support/communications.js';
import { forEachDialect } from '../support/dialects.js';
import { makeStudioContext } from '../support/studio-fixture.js';

const actor = { userId: null, source: 'system' } as const;

forEachDialect('storing email events and inbound SMS', (store) => {
  const clock = new ManualClock('2026-05-04T12:00:00Z');
  let studio: StudioContext;
  let other: StudioContext;
  let clientId: number;

  beforeAll(async () => {
    studio = await makeStudioContext(store(), clock);
    other = await makeStudioContext(store(), clock);
    const client = await createRecord(
      { db: store().db, clock },
      studio,
      recordKind('client'),
      { first_name: 'Ida', last_name: 'Noddack' },
      actor,
    );
    clientId = Number(client.id);
  });

  const row = async (table: string, id: number) =>
    loose(store().db).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it("stamps an email event with the studio's now, takes the email's client, and stores a retried event once", async () => {
    const email = await insertEmail(store().db, studio.id, clientId, null, clock.now());
    const input = {
      event: 'opened',
      occurredAt: '2026-05-04T11:58:00+00:00',
      communicationId: email,
      providerEventId: 'evt-1',
    } as const;
    const first = await recordEmailEvent(store().db, studio.id, input, clock.now());
    expect(first.created).toBe(true);
    expect(await row('email_events', first.id)).toMatchObject({
      client_id: clientId,
      event: 'opened',
      occurred_at: '2026-05-04T11:58:00.000Z',
      created_at: '2026-05-04T12:00:00.000Z',
      updated_at: '2026-05-04T12:00:00.000Z',
    });
    clock.advance(60_000);
    expect(await recordEmailEvent(store().db, studio.id, input, clock.now())).toEqual({
      id: first.id,
      created: false,
    });
    const count = await loose(store().db)
      .selectFrom('email_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('provider_event_id', '=', 'evt-1')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses an unknown event, an impossible time, and an email or client of another studio', async () => {
    await expect(
      recordEmailEvent(store().db, studio.id, { event: 'read' as 'opened', occurredAt: 'soon' }, clock.now()),
    ).rejects.toMatchObject({
      details: [
        {
          path: 'event',
          problem: 'must be one of: delivered, opened, clicked, bounced, dropped, unsubscribed, spam_report',
        },
        { path: 'occurred_at', problem: 'must be an instant' },
      ],
    });
    const email = await insertEmail(store().db, studio.id, clientId, null, clock.now());
    await expect(
      recordEmailEvent(
        store().db,
        other.id,
        { event: 'opened', occurredAt: '2026-05-04T12:00:00Z', communicationId: email },
        clock.now(),
      ),
    ).rejects.toMatchObject({ message: `Communication ${email} was not found` });
    await expect(
      recordInboundSms(
        store().db,
        other.id,
        { clientId, from: '+12125550142', to: '+12125550100', body: 'MINI' },
        clock.now(),
      ),
    ).rejects.toMatchObject({ message: `Client ${clientId} was not found` });
  });

  it('stores an inbound SMS unread, received now, with the keyword its first word makes', async () => {
    const id = await recordInboundSms(
      store().db,
      studio.id,
      { clientId, from: '+12125550142', to: '+12125550100', body: '  mini! Saturday works' },
      clock.now(),
    );
    expect(await row('communications', id)).toMatchObject({
      channel: 'sms',
      direction: 'inbound',
      purpose: 'reply',
      client_id: clientId,
      from_address: '+12125550142',
      body_text: '  mini! Saturday works',
      keyword: 'MINI',
      read_at: null,
      created_at: clock.now().toISOString(),
      updated_at: clock.now().toISOString(),
    });
    const unknown = await recordInboundSms(
      store().db,
      studio.id,
      { clientId: null, from: '+12125550199', to: '+12125550100', body: '🎉' },
      clock.now(),
    );
    expect(await row('communications', unknown)).toMatchObject({ client_id: null, keyword: null });
  });
});
