import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';

const email = (address: string) => ({ address, label: 'home', is_primary: true });
const phone = (number: string) => ({ number, label: 'mobile', sms_capable: true });

forEachDialect('processing actions that create records', (store) => {
  let s: ProcessingStudio;
  beforeAll(async () => {
    s = await processingStudio(store());
  });

  it('Phone Call: a call on the call list with its type, assignee and rendered note', async () => {
    const fired = await s.fire(
      {
        action: 'phone_call',
        action_settings: {
          call_type_id: s.catalogs.callType,
          subject: 'Welcome call to {{ client.first_name }}',
          description: 'Ask {{ client.first_name }} about the family session',
          assigned_user_id: s.fixture.userIds.staff,
        },
      },
      { first_name: 'Ada', phones: [phone('202-555-0101')] },
    );
    expect(fired.item.channel_used).toBe('phone_call');
    expect(fired.communications).toHaveLength(1);
    expect(fired.communications[0]).toMatchObject({
      channel: 'phone_call',
      to_address: '+12025550101',
      subject: 'Welcome call to Ada',
      body_text: 'Ask Ada about the family session',
      assigned_user_id: s.fixture.userIds.staff,
      delivery: null,
    });
  });

  it('Task: a task of the type, in its initial status, due N business days later, linked to the item', async () => {
    // 2026-11-06 is a Friday in New York: two business days later is Tuesday.
    await s.tick(4 * 24 * 60);
    const fired = await s.fire(
      {
        action: 'task',
        action_settings: {
          task_type_id: s.catalogs.taskType,
          subject: 'Print proofs for {{ client.last_name }}',
          due_in_business_days: 2,
          assigned_user_id: s.fixture.userIds.staff,
        },
      },
      { last_name: 'Hopper' },
    );
    expect(fired.item.channel_used).toBe('task');
    const [taskId] = fired.item.result.tasks;
    const task = await s.api.read(`/tasks/${taskId}`);
    expect(task).toMatchObject({
      task_type_id: s.catalogs.taskType,
      subject: 'Print proofs for Hopper',
      status_id: s.catalogs.taskOpen,
      start_date: '2026-11-06',
      due_date: '2026-11-10',
      client_id: fired.clientId,
      assigned_user_id: s.fixture.userIds.staff,
      triggered_item_id: fired.itemId,
    });
    const history = await s.api.read(`/tasks/${taskId}/status-history`);
    expect(history.data.map((h: any) => h.status_id)).toEqual([s.catalogs.taskOpen]);
  });

  it('Web Form: an instance with an unguessable token, its link sent by email', async () => {
    const fired = await s.fire(
      { action: 'web_form', action_settings: { web_form_template_id: s.catalogs.formTemplate } },
      { first_name: 'Ada', emails: [email('ada@example.com')], phones: [phone('202-555-0102')] },
    );
    const [formId] = fired.item.result.web_forms;
    const form = await s.api.read(`/web-forms/${formId}`);
    expect(form).toMatchObject({
      client_id: fired.clientId,
      status_id: s.catalogs.formOpen,
      triggered_item_id: fired.itemId,
    });
    const { loose } = await import('../../src/store/record-table.js');
    const { token } = await loose(store().db)
      .selectFrom('web_forms')
      .select('token')
      .where('id', '=', formId)
      .executeTakeFirstOrThrow();
    // 32 random bytes in base64url: 256 bits.
    expect(String(token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [link] = fired.communications;
    expect(link).toMatchObject({
      channel: 'email',
      purpose: 'web_form_link',
      to_address: 'ada@example.com',
      web_form_id: formId,
    });
    expect(link.body_text).toContain(`/forms/${String(token)}`);
    expect(fired.item.reason).toBe('processed: web form, link by email to ada@example.com');
  });

  it('Web Form: the link goes by SMS when there is no usable email', async () => {
    const fired = await s.fire(
      { action: 'web_form', action_settings: { web_form_template_id: s.catalogs.formTemplate } },
      { phones: [phone('202-555-0103')] },
    );
    expect(fired.communications.map((c: any) => [c.channel, c.to_address])).toEqual([
      ['sms', '+12025550103'],
    ]);
  });

  it('Letter: added to the print batch when the client has a mailing address, else nothing', async () => {
    const letter = await s.fire(
      { action: 'letter', action_settings: { letter_template_id: s.templates.letter } },
      { first_name: 'Ada', address_line1: '1 Main St', postal_code: '62701' },
    );
    expect(letter.communications[0]).toMatchObject({
      channel: 'letter',
      body_text: 'Dear Ada, welcome.',
      printed_at: null,
    });
    expect(letter.item.reason).toBe('processed: letter added to the print batch');
    const none = await s.fire(
      { action: 'letter', action_settings: { letter_template_id: s.templates.letter } },
      {},
    );
    expect(none.communications).toEqual([]);
    expect(none.item.reason).toBe('nothing sent: no usable channel (letter: no complete mailing address)');
  });

  describe('status changes', () => {
    it('Perform a status change only: the record enters the status, with history naming no person', async () => {
      const fired = await s.fire({ action: 'status_change_only', then_status_id: s.catalogs.clientVip }, {});
      expect(fired.item.channel_used).toBe('status_change');
      expect(fired.item.result.status_id).toBe(s.catalogs.clientVip);
      const client = await s.api.read(`/clients/${fired.clientId}`);
      expect(client.status_id).toBe(s.catalogs.clientVip);
      const history = await s.api.read(`/clients/${fired.clientId}/status-history`);
      expect(history.data.at(-1)).toMatchObject({ status_id: s.catalogs.clientVip, left_at: null });
    });

    it('an action with "then set status" changes the status after it ran, and not when nothing was sent', async () => {
      const trigger = {
        action: 'email',
        action_settings: { email_template_id: s.templates.email },
        then_status_id: s.catalogs.clientVip,
      };
      const sent = await s.fire(trigger, { emails: [email('ada@example.com')] });
      expect((await s.api.read(`/clients/${sent.clientId}`)).status_id).toBe(s.catalogs.clientVip);
      const unsent = await s.fire(trigger, {});
      expect((await s.api.read(`/clients/${unsent.clientId}`)).status_id).toBeNull();
      expect(unsent.item.result.status_id).toBeNull();
    });
  });
});
