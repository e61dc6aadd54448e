import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';

const phone = (number: string, sms_capable = true) => ({ number, label: 'mobile', sms_capable });
const email = (address: string) => ({ address, label: 'home', is_primary: true });

forEachDialect('processing message actions', (store) => {
  let s: ProcessingStudio;
  beforeAll(async () => {
    s = await processingStudio(store());
  });
  const sms = () => ({ sms_template_id: s.templates.sms });
  const mail = () => ({ email_template_id: s.templates.email });

  describe('Email', () => {
    it('writes the rendered email to the outbox for the client, and the capture channel delivers it', async () => {
      const fired = await s.fire(
        { action: 'email', action_settings: mail() },
        { first_name: 'Zoë', emails: [email('zoe@example.com')] },
      );
      expect(fired.processed.processed).toEqual([fired.itemId]);
      expect(fired.item.state).toBe('processed');
      expect(fired.item.channel_used).toBe('email');
      expect(fired.item.reason).toBe('processed: email to zoe@example.com');
      expect(fired.item.history.at(-1)).toMatchObject({
        from_state: 'pending',
        to_state: 'processed',
        actor: 'user',
      });
      const [message] = fired.communications;
      expect(message).toMatchObject({
        channel: 'email',
        direction: 'outbound',
        to_address: 'zoe@example.com',
        from_address: 'hello@lumen.test',
        subject: 'Welcome, Zoë',
        client_id: fired.clientId,
        is_marketing: true,
      });
      // A marketing email: the template's body, then a visible unsubscribe link.
      expect(message.body_text).toMatch(
        new RegExp(`^Hello Zoë from ${s.fixture.studio.name}\n\n--\nUnsubscribe: http://\\S+/u/\\S+\n$`),
      );
      expect(message.body_html).toMatch(
        new RegExp(
          `^<p>Hello Zoë from ${s.fixture.studio.name}</p>\n<p .*<a href="http://\\S+/u/\\S+">Unsubscribe</a>`,
        ),
      );
      expect(message.delivery).toMatchObject({ provider: 'capture', state: 'queued' });
      await s.tick();
      const [after] = (await s.api.read(`/communications?triggered_item_id=${fired.itemId}`)).data;
      expect(after.delivery.state).toBe('delivered');
      expect(after.delivery.reason).toMatch(/captured/);
      const inbox = (await s.api.read('/communications?provider=capture&channel=email')).data;
      expect(inbox.map((c: any) => c.id)).toContain(message.id);
      expect((await s.api.read('/communications?provider=smtp')).data).toEqual([]);
    });

    it('ends "nothing sent" when the client has no email address, and creates nothing', async () => {
      const fired = await s.fire({ action: 'email', action_settings: mail() }, {});
      expect(fired.item.state).toBe('processed');
      expect(fired.item.channel_used).toBeNull();
      expect(fired.item.reason).toBe('nothing sent: no usable channel (email: no email address)');
      expect(fired.communications).toEqual([]);
    });

    it('passes over a blocked address; a transactional trigger of a studio that bypasses blocks uses it', async () => {
      const at = '2026-11-02T15:00:00.000Z';
      const blocked = 'blocked@example.com';
      const { loose } = await import('../../src/store/record-table.js');
      await loose(store().db)
        .insertInto('email_blocks')
        .values({
          studio_id: s.fixture.studio.id,
          address: blocked,
          reason: 'bounced',
          created_at: at,
          updated_at: at,
        })
        .execute();
      const refused = await s.fire(
        { action: 'email', action_settings: mail() },
        { emails: [email(blocked)] },
      );
      expect(refused.item.reason).toBe(
        `nothing sent: no usable channel (email: the email address ${blocked} is on the block list)`,
      );
      const bypassing = await processingStudio(store(), { bypass_email_blocks: true });
      await loose(store().db)
        .insertInto('email_blocks')
        .values({
          studio_id: bypassing.fixture.studio.id,
          address: blocked,
          reason: 'bounced',
          created_at: at,
          updated_at: at,
        })
        .execute();
      const marketing = await bypassing.fire(
        { action: 'email', action_settings: { email_template_id: bypassing.templates.email } },
        { emails: [email(blocked)] },
      );
      expect(marketing.communications).toEqual([]);
      const transactional = await bypassing.fire(
        {
          action: 'email',
          action_settings: { email_template_id: bypassing.templates.email, transactional: true },
        },
        { emails: [email(blocked)] },
      );
      expect(transactional.communications.map((c: any) => [c.to_address, c.is_marketing])).toEqual([
        [blocked, false],
      ]);
    });
  });

  describe('SMS', () => {
    it('sends to the first SMS-capable number in E.164 and records its segments', async () => {
      const fired = await s.fire(
        { action: 'sms', action_settings: sms() },
        { first_name: 'Łukasz', phones: [phone('(202) 555-0111', false), phone('202-555-0122')] },
      );
      const [message] = fired.communications;
      expect(message).toMatchObject({
        channel: 'sms',
        to_address: '+12025550122',
        from_address: '+12025550100',
        body_text: `Hi Łukasz, welcome to ${s.fixture.studio.name}!`,
        encoding: 'UCS-2',
        segments: 1,
      });
      expect(fired.item.channel_used).toBe('sms');
    });

    it('never texts a number that opted out (STOP), whatever the consent flags say', async () => {
      const { loose } = await import('../../src/store/record-table.js');
      const at = '2026-11-02T15:00:00.000Z';
      await loose(store().db)
        .insertInto('sms_opt_outs')
        .values({
          studio_id: s.fixture.studio.id,
          number: '+12025550133',
          source: 'sms_keyword',
          created_at: at,
          updated_at: at,
        })
        .execute();
      const fired = await s.fire(
        { action: 'sms', action_settings: sms() },
        { phones: [phone('202-555-0133')], allow_marketing_sms: true },
      );
      expect(fired.communications).toEqual([]);
      expect(fired.item.reason).toBe(
        'nothing sent: no usable channel (sms: the number +12025550133 opted out (STOP))',
      );
    });

    it('NPS SMS and SMS Confirmation Message are marked for their replies; the confirmation text comes from the trigger', async () => {
      const type = (await s.api.create('/types', { kind: 'session', name: 'Portrait' })).id;
      const template = (
        await s.api.create('/templates', {
          name: 'NPS',
          channel: 'sms',
          basis: 'session',
          body_text: 'How was your session, {{ client.first_name }}? Reply 0-10',
        })
      ).id;
      const session = { path: '/sessions', body: { session_type_id: type, start: '2026-11-20T15:00:00Z' } };
      const onBooking = { trigger_type: 'session_type', date_option: 'booked_date' };
      const nps = await s.fire(
        { ...onBooking, action: 'nps_sms', action_settings: { sms_template_id: template } },
        { first_name: 'Grace', phones: [phone('202-555-0144')] },
        session,
      );
      expect(nps.communications[0]).toMatchObject({
        purpose: 'nps',
        record_kind: 'session',
        record_id: nps.recordId,
        body_text: 'How was your session, Grace? Reply 0-10',
      });
      const confirm = await s.fire(
        {
          ...onBooking,
          action: 'sms_confirmation',
          action_settings: {
            sms_text: 'Reply YES to confirm {{ session.start | date: "%b %-d at %-I:%M %p" }}',
          },
        },
        { phones: [phone('202-555-0155')] },
        session,
      );
      expect(confirm.communications[0]).toMatchObject({
        purpose: 'confirmation',
        body_text: 'Reply YES to confirm Nov 20 at 10:00 AM',
        encoding: 'GSM-7',
        segments: 1,
      });
    });
  });

  describe('fallbacks', () => {
    it('Email/Phone Call: a call record when there is no usable email, naming what was passed over', async () => {
      const fired = await s.fire(
        {
          action: 'email_or_call',
          action_settings: {
            ...mail(),
            call_type_id: s.catalogs.callType,
            subject: 'Call {{ client.first_name }}',
          },
        },
        { first_name: 'Ada', phones: [phone('202-555-0166', false)] },
      );
      expect(fired.item.channel_used).toBe('phone_call');
      expect(fired.item.reason).toBe(
        'processed: phone call to +12025550166 on the call list (email passed over: no email address)',
      );
      expect(fired.communications[0]).toMatchObject({
        channel: 'phone_call',
        to_address: '+12025550166',
        subject: 'Call Ada',
        call_type_id: s.catalogs.callType,
        due_date: '2026-11-02',
      });
      expect(fired.item.result.passed_over).toEqual([{ channel: 'email', reason: 'no email address' }]);
    });

    it('Email/Letter: the email when usable, else a letter addressed for a window envelope', async () => {
      const address = { address_line1: '1 Main St', city: 'Springfield', region: 'IL', postal_code: '62701' };
      const withEmail = await s.fire(
        { action: 'email_or_letter', action_settings: { ...mail(), letter_template_id: s.templates.letter } },
        { ...address, emails: [email('ada@example.com')] },
      );
      expect(withEmail.item.channel_used).toBe('email');
      const letter = await s.fire(
        { action: 'email_or_letter', action_settings: { ...mail(), letter_template_id: s.templates.letter } },
        { ...address, first_name: 'Ada' },
      );
      expect(letter.item.channel_used).toBe('letter');
      expect(letter.communications[0]).toMatchObject({
        channel: 'letter',
        to_address: 'Ada Lovelace\n1 Main St\nSpringfield IL 62701',
        body_text: 'Dear Ada, welcome.',
      });
    });

    it('SMS/Email: the email when the only number cannot take SMS', async () => {
      const fired = await s.fire(
        { action: 'sms_or_email', action_settings: { ...sms(), ...mail() } },
        { phones: [phone('202-555-0177', false)], emails: [email('ada@example.com')] },
      );
      expect(fired.item.channel_used).toBe('email');
      expect(fired.item.result.passed_over).toEqual([{ channel: 'sms', reason: 'no SMS-capable number' }]);
    });

    it('SMS/Call with "Only clients marked Allow Marketing": each hop is checked on its own channel', async () => {
      const trigger = {
        action: 'sms_or_call',
        action_settings: { ...sms(), call_type_id: s.catalogs.callType },
        exclusions: { allow_marketing: true },
      };
      const client = { phones: [phone('202-555-0188')] };
      const callOnly = await s.fire(trigger, { ...client, allow_marketing_phone: true });
      expect(callOnly.item.channel_used).toBe('phone_call');
      expect(callOnly.item.result.passed_over).toEqual([
        { channel: 'sms', reason: 'Ada Lovelace does not allow marketing by sms' },
      ]);
      const smsToo = await s.fire(trigger, { ...client, allow_marketing_sms: true });
      expect(smsToo.item.channel_used).toBe('sms');
      const neither = await s.fire(trigger, client);
      expect(neither.communications).toEqual([]);
      expect(neither.item.result.passed_over.map((p: any) => p.channel)).toEqual(['sms', 'phone_call']);
      expect(neither.item.reason).toBe(
        'nothing sent: no usable channel (sms: Ada Lovelace does not allow marketing by sms; phone_call: Ada Lovelace does not allow marketing by phone)',
      );
    });

    it('Email & SMS: both when both are usable, each on its own otherwise', async () => {
      const both = await s.fire(
        { action: 'email_and_sms', action_settings: { ...mail(), ...sms() } },
        { emails: [email('ada@example.com')], phones: [phone('202-555-0199')] },
      );
      expect(both.item.channel_used).toBe('email+sms');
      expect(both.communications.map((c: any) => c.channel).sort()).toEqual(['email', 'sms']);
      const emailOnly = await s.fire(
        { action: 'email_and_sms', action_settings: { ...mail(), ...sms() } },
        { emails: [email('ada@example.com')] },
      );
      expect(emailOnly.item.channel_used).toBe('email');
      expect(emailOnly.item.result.passed_over).toEqual([
        { channel: 'sms', reason: 'no SMS-capable number' },
      ]);
    });
  });

  describe('Send To', () => {
    it('a family member of the chosen relationship, at their own address, with their merge fields', async () => {
      const queued = await s.queue(
        {
          action: 'email',
          action_settings: {
            ...mail(),
            send_to: { to: 'family_member', relationship_id: s.catalogs.relationship },
          },
        },
        { emails: [email('parent@example.com')] },
      );
      await s.api.create('/family-members', {
        client_id: queued.clientId,
        relationship_id: s.catalogs.relationship,
        first_name: 'Byron',
        last_name: 'Lovelace',
        email: 'byron@example.com',
      });
      await s.api.post('/queue/process', { item_ids: [queued.itemId] });
      const [message] = (await s.api.read(`/communications?triggered_item_id=${queued.itemId}`)).data;
      expect(message).toMatchObject({
        to_address: 'byron@example.com',
        recipient_name: 'Byron Lovelace',
        client_id: queued.clientId,
      });
      expect(message.family_member_id).toEqual(expect.any(Number));
    });

    it('ends "no recipient" when the client has no family member of that relationship', async () => {
      const fired = await s.fire(
        {
          action: 'email',
          action_settings: {
            ...mail(),
            send_to: { to: 'family_member', relationship_id: s.catalogs.relationship },
          },
        },
        { emails: [email('parent@example.com')] },
      );
      expect(fired.item.reason).toBe(
        'no recipient: the client has no family member of the chosen relationship',
      );
      expect(fired.communications).toEqual([]);
    });

    it('the studio itself, at its sender address', async () => {
      const fired = await s.fire(
        { action: 'email', action_settings: { ...mail(), send_to: { to: 'studio' } } },
        { emails: [email('ada@example.com')] },
      );
      expect(fired.communications.map((c: any) => c.to_address)).toEqual(['hello@lumen.test']);
    });
  });

  describe('Referral Program Options', () => {
    it('enrols a client in no program when the message is sent', async () => {
      const fired = await s.fire(
        {
          action: 'email',
          action_settings: {
            ...mail(),
            referral: { program_id: s.catalogs.programA, when_enrolled: 'keep' },
          },
        },
        { emails: [email('ada@example.com')] },
      );
      expect((await s.api.read(`/clients/${fired.clientId}`)).referral_program_id).toBe(s.catalogs.programA);
    });

    it('for a client already in a program: do not send, keep it, or switch it', async () => {
      const client = { emails: [email('ada@example.com')], referral_program_id: s.catalogs.programB };
      const option = (when_enrolled: string) => ({
        action: 'email',
        action_settings: { ...mail(), referral: { program_id: s.catalogs.programA, when_enrolled } },
      });
      const held = await s.fire(option('do_not_send'), client);
      expect(held.communications).toEqual([]);
      expect(held.item.reason).toMatch(/already in a referral program/);
      const kept = await s.fire(option('keep'), client);
      expect(kept.communications).toHaveLength(1);
      expect((await s.api.read(`/clients/${kept.clientId}`)).referral_program_id).toBe(s.catalogs.programB);
      const switched = await s.fire(option('switch'), client);
      expect((await s.api.read(`/clients/${switched.clientId}`)).referral_program_id).toBe(
        s.catalogs.programA,
      );
    });
  });
});
