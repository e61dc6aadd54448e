import { beforeAll, expect, it } from 'vitest';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { SMS_PATH, TWILIO_ENV, postTwilio, smsParams } from '../support/inbound-sms-requests.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';

const STUDIO = '+12025550100';
const phone = (number: string) => ({ number, label: 'mobile', sms_capable: true });

/**
 * A sandbox studio on its test clock, driven through the API: processing sends SMS Confirmation
 * Messages and NPS SMS through the outbox, and replies come back through the signed webhook.
 */
forEachDialect('SMS replies from the webhook to the records', (store) => {
  let s: ProcessingStudio;
  let sessionType: number;
  let npsTemplate: number;
  const reply = async (from: string, body: string) => {
    const answer = await postTwilio(s.app, SMS_PATH, smsParams(from, STUDIO, body));
    expect(answer.statusCode, answer.body).toBe(200);
    const [message] = (await s.api.read(`/messages?number=${encodeURIComponent(from)}&limit=1`)).data;
    return message;
  };
  const session = () => ({
    path: '/sessions',
    body: { session_type_id: sessionType, start: '2026-11-20T15:00:00Z' },
  });
  const onBooking = { trigger_type: 'session_type', date_option: 'booked_date' };
  const smsTo = async (number: string) =>
    (await s.api.read('/communications?channel=sms&limit=500')).data.filter(
      (c: any) => c.direction === 'outbound' && c.to_address === number,
    );

  beforeAll(async () => {
    s = await processingStudio(store(), {}, '2026-11-02T15:00:00Z', TWILIO_ENV);
    sessionType = (await s.api.create('/types', { kind: 'session', name: 'Portrait' })).id;
    npsTemplate = (
      await s.api.create('/templates', {
        name: 'NPS',
        channel: 'sms',
        basis: 'session',
        body_text: 'Rate us 0-10',
      })
    ).id;
  });

  it('a YES to an SMS Confirmation Message confirms its session, visibly to triggers (updated_at moves)', async () => {
    const fired = await s.fire(
      { ...onBooking, action: 'sms_confirmation', action_settings: { sms_text: 'Reply YES to confirm' } },
      { phones: [phone('202-555-0155')] },
      session(),
    );
    expect(fired.communications[0]).toMatchObject({ purpose: 'confirmation', to_address: '+12025550155' });
    const before = await s.api.read(`/sessions/${fired.recordId}`);
    expect(before.confirmed).toBe(false);
    await s.tick();
    const message = await reply('+12025550155', 'yes!! 👍');
    const after = await s.api.read(`/sessions/${fired.recordId}`);
    expect(after.confirmed).toBe(true);
    expect(after.updated_at).toBe(s.now().toISOString());
    expect(message).toMatchObject({
      client_id: fired.clientId,
      outcome: 'confirmed',
      record_kind: 'session',
      record_id: fired.recordId,
      unread: true,
      sender_match: { client_ids: [fired.clientId], client_id: fired.clientId },
    });
  });

  it('an NPS SMS answered "9 great shoot" sets score 9, the comment and the NPS receipt date', async () => {
    const fired = await s.fire(
      { ...onBooking, action: 'nps_sms', action_settings: { sms_template_id: npsTemplate } },
      { phones: [phone('202-555-0166')] },
      session(),
    );
    await s.tick();
    const message = await reply('+12025550166', '9 great shoot');
    expect(await s.api.read(`/sessions/${fired.recordId}`)).toMatchObject({
      nps_score: 9,
      nps_comment: 'great shoot',
      nps_received_at: s.now().toISOString(),
    });
    expect(message.outcome).toBe('nps_recorded');
  });

  it('an out-of-range NPS answer is asked again once; a second bad answer is only kept; a good one counts', async () => {
    const fired = await s.fire(
      { ...onBooking, action: 'nps_sms', action_settings: { sms_template_id: npsTemplate } },
      { phones: [phone('202-555-0167')] },
      session(),
    );
    await s.tick();
    expect((await reply('+12025550167', '42')).outcome).toBe('nps_reasked');
    const asked = (await smsTo('+12025550167')).filter((c: any) => c.purpose === 'nps_reask');
    expect(asked).toHaveLength(1);
    expect(asked[0].body_text).toMatch(/number from 0 to 10/);
    expect(asked[0].delivery).toMatchObject({ provider: 'capture' });
    expect((await reply('+12025550167', '11 sorry')).outcome).toBe('nps_out_of_range');
    expect((await smsTo('+12025550167')).filter((c: any) => c.purpose === 'nps_reask')).toHaveLength(1);
    expect((await s.api.read(`/sessions/${fired.recordId}`)).nps_score).toBeNull();
    await reply('+12025550167', '8');
    expect((await s.api.read(`/sessions/${fired.recordId}`)).nps_score).toBe(8);
  });

  it('STOP refuses the next send as opted out; START lets it through again', async () => {
    const number = '+12025550133';
    expect((await reply(number, 'Stop please')).outcome).toBe('opted_out');
    const events = (await loose(store().db)
      .selectFrom('consent_events')
      .selectAll()
      .where('address', '=', number)
      .execute()) as any[];
    expect(events.map((e) => [e.action, e.source])).toEqual([['opt_out', 'sms_reply']]);
    const refused = await s.fire(
      { action: 'sms', action_settings: { sms_template_id: s.templates.sms } },
      { phones: [phone(number)], allow_marketing_sms: true },
    );
    expect(refused.communications).toEqual([]);
    expect(refused.item.reason).toMatch(/opted out \(STOP\)/);
    expect((await reply(number, 'START')).outcome).toBe('opted_in');
    const sent = await s.fire(
      { action: 'sms', action_settings: { sms_template_id: s.templates.sms } },
      { phones: [phone(number)], allow_marketing_sms: true },
    );
    expect(sent.communications).toHaveLength(1);
  });

  it("HELP queues the studio's help text through the outbox (captured in a sandbox), a default without one", async () => {
    const number = '+12025550144';
    expect((await reply(number, 'help')).outcome).toBe('help_sent');
    const [first] = await smsTo(number);
    expect(first).toMatchObject({
      purpose: 'help',
      from_address: STUDIO,
      delivery: { provider: 'capture', state: 'queued' },
    });
    expect(first.body_text).toContain(s.fixture.studio.name);
    expect(first.body_text).toMatch(/reply STOP/i);
    await s.api.patch('/studio', { sms_help_text: 'Lumen Studio: call 202-555-0100. STOP to end.' });
    await reply(number, 'HELP');
    expect((await smsTo(number)).map((c: any) => c.body_text)).toContain(
      'Lumen Studio: call 202-555-0100. STOP to end.',
    );
  });

  it('a first word matching an active Incoming Keyword trigger creates its occurrence for the client', async () => {
    const trigger = await s.api.create('/triggers', {
      name: 'Mini sessions',
      trigger_type: 'sms_keyword',
      date_option: 'received',
      keyword: 'MINI',
      processing: 'manual',
      action: 'sms',
      action_settings: { sms_template_id: s.templates.sms },
    });
    await s.tick();
    const client = await s.api.create('/clients', {
      first_name: 'Mia',
      last_name: 'Ng',
      phones: [phone('202-555-0188')],
    });
    await s.tick();
    await reply('+12025550188', 'Mini! book me please');
    await s.tick();
    const items = (await s.api.read(`/queue/items?trigger_id=${trigger.id}`)).data;
    expect(items.map((i: any) => i.client_id ?? i.record_id)).toEqual([client.id]);
  });

  it('several clients with one number: the one the conversation was with wins, and the message says so', async () => {
    const shared = '202-555-0191';
    const first = await s.api.create('/clients', {
      first_name: 'Ann',
      last_name: 'Lee',
      phones: [phone(shared)],
    });
    const fired = await s.fire(
      { action: 'sms', action_settings: { sms_template_id: s.templates.sms } },
      { phones: [phone(shared)], allow_marketing_sms: true },
    );
    await s.api.patch(`/clients/${first.id}`, { notes: 'updated later, still not the conversation' });
    const message = await reply('+12025550191', 'thanks!');
    expect(message.client_id).toBe(fired.clientId);
    expect(message.sender_match.client_ids.sort()).toEqual([first.id, fired.clientId].sort());
    expect(message.sender_match.reason).toMatch(/last SMS to it was to this client/);
  });

  it('keeps messages from unknown senders; with the studio setting on, creates a client named after the number', async () => {
    expect((await reply('+12025550192', 'who is this?')).client_id).toBeNull();
    const changed = await s.api.patch('/studio', { sms_unknown_sender_clients: true });
    expect(changed.body.sms_unknown_sender_clients).toBe(true);
    const message = await reply('+12025550193', 'hi, I want a shoot');
    const client = await s.api.read(`/clients/${message.client_id}`);
    expect(client).toMatchObject({ first_name: 'SMS', last_name: '+12025550193' });
    expect(client.phones.map((p: any) => p.number)).toEqual(['+12025550193']);
    expect((await s.api.patch('/studio', { sms_unknown_sender_clients: 'yes' })).status).toBe(400);
  });

  it('the Messages inbox lists unread first, marks read and unread, and a staff reply goes out through the outbox', async () => {
    const number = '+12025550194';
    const older = await reply(number, 'first question');
    await s.tick();
    const newer = await reply(number, 'second question');
    expect((await s.api.post(`/messages/${newer.id}/read`)).body.unread).toBe(false);
    const list = (await s.api.read('/messages?limit=500')).data;
    const firstRead = list.findIndex((m: any) => !m.unread);
    expect(list.slice(firstRead).every((m: any) => !m.unread)).toBe(true);
    expect(list.findIndex((m: any) => m.id === older.id)).toBeLessThan(firstRead);
    const threads = (await s.api.read('/messages/threads')).data;
    expect(threads.find((t: any) => t.number === number)).toMatchObject({ messages: 2, unread: 1 });
    expect((await s.api.post(`/messages/${newer.id}/unread`)).body.unread).toBe(true);

    const answer = await s.api.post(`/messages/${older.id}/reply`, { text: 'Yes, we have Saturday open!' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({
      direction: 'outbound',
      purpose: 'staff_reply',
      to_address: number,
      body_text: 'Yes, we have Saturday open!',
      delivery: { provider: 'capture', state: 'queued' },
    });
    const thread = await s.api.read(`/messages/${older.id}`);
    expect(thread.unread).toBe(false);
    expect(thread.thread.map((t: any) => [t.direction, t.body])).toEqual([
      ['inbound', 'first question'],
      ['inbound', 'second question'],
      ['outbound', 'Yes, we have Saturday open!'],
    ]);
    expect((await s.api.post(`/messages/${older.id}/reply`, { text: '' })).status).toBe(400);
    await reply(number, 'STOP');
    const refused = await s.api.post(`/messages/${older.id}/reply`, { text: 'one more thing' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/opted out/);
  });
});
