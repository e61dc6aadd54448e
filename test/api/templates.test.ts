import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';

const reminder = {
  name: 'Session reminder',
  channel: 'sms',
  basis: 'session',
  body_text: 'Hi {{ client.first_name }}, see you {{ session.start | date: "%A %B %-d at %-I:%M %p" }}',
};

forEachDialect('templates API: storage, lint on save, preview', (store) => {
  const ctx = useStudioApi(store);
  let client: { id: number };
  let session: { id: number };

  beforeAll(async () => {
    const { owner, samples } = ctx();
    client = await samples.create('client', {
      first_name: 'Ada',
      phones: [{ number: '(212) 555-0142', sms_capable: true }],
    });
    // 2026-03-08 is the US change to daylight saving time: 14:00Z is 10:00 EDT (it was 09:00 EST).
    session = await samples.create('session', { client_id: client.id, start: '2026-03-09T14:00:00Z' });
    expect(owner).toBeDefined();
  });

  describe('saving', () => {
    it('creates, reads, changes and deletes a template, and lists it with filters', async () => {
      const { owner, clock } = ctx();
      const created = await owner.create('/templates', reminder);
      expect(created).toMatchObject({ ...reminder, subject: null, body_html: null, is_inactive: false });
      expect(created.created_at).toBe(clock.now().toISOString());
      expect(await owner.read(`/templates/${created.id}`)).toEqual(created);
      const changed = await owner.patch(`/templates/${created.id}`, { is_inactive: true });
      expect(changed.body.is_inactive).toBe(true);
      const listed = await owner.read('/templates?channel=sms&is_inactive=true&q=REMINDER');
      expect(listed.data.map((t: { id: number }) => t.id)).toEqual([created.id]);
      expect((await owner.read('/templates?channel=email')).data).toEqual([]);
      expect((await owner.delete(`/templates/${created.id}`)).status).toBe(204);
      expect((await owner.get(`/templates/${created.id}`)).status).toBe(404);
    });

    it('refuses to delete a template a trigger uses, naming the trigger, and deletes it once unused', async () => {
      const { owner } = ctx();
      const template = await owner.create('/templates', { ...reminder, name: 'In use' });
      const trigger = await owner.create('/triggers', {
        name: 'Reminder by SMS',
        trigger_type: 'session_type',
        date_option: 'session_start',
        action: 'sms',
        action_settings: { sms_template_id: template.id },
      });
      const refused = await owner.delete(`/templates/${template.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/used by the trigger “Reminder by SMS”/);
      expect((await owner.get(`/templates/${template.id}`)).status).toBe(200);
      expect((await owner.delete(`/triggers/${trigger.id}`)).status).toBe(204);
      expect((await owner.delete(`/templates/${template.id}`)).status).toBe(204);
    });

    it('pages the list by name with a cursor, without skipping or repeating', async () => {
      const { owner } = ctx();
      for (const name of ['Paged C', 'Paged A', 'Paged B'])
        await owner.create('/templates', { ...reminder, name, basis: 'client', body_text: 'Hi' });
      const first = await owner.read('/templates?q=paged&limit=2');
      const second = await owner.read(`/templates?q=paged&limit=2&cursor=${first.next_cursor}`);
      expect([...first.data, ...second.data].map((t: { name: string }) => t.name)).toEqual([
        'Paged A',
        'Paged B',
        'Paged C',
      ]);
      expect(second.next_cursor).toBeNull();
    });

    it('refuses an unknown merge field with its part, line, column and a suggestion', async () => {
      const { owner } = ctx();
      const body_text = 'Hello\n\nDear {{ client.frist_name }},\n{{ session.start | dat: "%B" }}';
      const answer = await owner.post('/templates', { ...reminder, body_text });
      expect(answer.status).toBe(400);
      expect(answer.body.details).toEqual([
        {
          path: 'body_text',
          problem:
            '"client.frist_name" is not a merge field here; did you mean "client.first_name"? at line 3, column 9',
        },
        { path: 'body_text', problem: expect.stringMatching(/unknown filter "dat".*line 4, column 1$/) },
      ]);
    });

    it('reports every problem at once and stores nothing', async () => {
      const { owner } = ctx();
      const before = (await owner.read('/templates?limit=500')).data;
      const answer = await owner.post('/templates', {
        name: '',
        channel: 'sms',
        basis: 'session',
        subject: 'Not for texts',
        body_html: '<p>{{ client.nope }}</p>',
        colour: 'red',
      });
      expect(answer.status).toBe(400);
      expect(answer.body.details.map((d: { path: string }) => d.path).sort()).toEqual(
        ['body_html', 'body_html', 'body_text', 'colour', 'name', 'subject'].sort(),
      );
      expect((await owner.read('/templates?limit=500')).data).toEqual(before);
    });

    it('checks an update as the template it would leave behind, and keeps the basis', async () => {
      const { owner } = ctx();
      const created = await owner.create('/templates', { ...reminder, name: 'Fixed basis' });
      const answer = await owner.patch(`/templates/${created.id}`, { channel: 'email', basis: 'client' });
      expect(answer.status).toBe(400);
      expect(answer.body.details).toEqual([
        { path: 'basis', problem: 'cannot be changed once the template exists' },
        { path: 'subject', problem: 'is required for an email' },
      ]);
      expect(await owner.read(`/templates/${created.id}`)).toEqual(created);
    });

    it('refuses an include of a file at save, so a template cannot read the server', async () => {
      const { owner } = ctx();
      const answer = await owner.post('/templates', {
        ...reminder,
        body_text: "{% include 'package.json' %}",
      });
      expect(answer.status).toBe(400);
      expect(answer.body.details[0].path).toBe('body_text');
      const nested = await owner.post('/templates', {
        ...reminder,
        body_text: "{% if true %}\n  {% render 'package.json' %}{% endif %}",
      });
      expect(nested.body.details).toEqual([
        {
          path: 'body_text',
          problem: 'uses {% render %}; templates cannot include other files at line 2, column 3',
        },
      ]);
      const draft = await owner.post('/templates/preview', {
        channel: 'sms',
        basis: 'session',
        body_text: "{% include 'package.json' %}",
        record_id: session.id,
      });
      expect(draft.status).toBe(200);
      expect(draft.body.text).toBeNull();
      expect(JSON.stringify(draft.body)).not.toContain('triggerfish');
      expect(draft.body.problems).not.toEqual([]);
    });

    it('lets staff read and preview templates but only admins write them', async () => {
      const { owner, staff } = ctx();
      const created = await owner.create('/templates', { ...reminder, name: 'Staff can read' });
      expect((await staff.get(`/templates/${created.id}`)).status).toBe(200);
      expect((await staff.post(`/templates/${created.id}/preview`, { record_id: session.id })).status).toBe(
        200,
      );
      expect((await staff.post('/templates', reminder)).status).toBe(403);
      expect((await staff.patch(`/templates/${created.id}`, { name: 'x' })).status).toBe(403);
      expect((await staff.delete(`/templates/${created.id}`)).status).toBe(403);
    });
  });

  describe('preview', () => {
    it('renders a session reminder in the studio time zone just after the change to daylight saving', async () => {
      const { owner } = ctx();
      const created = await owner.create('/templates', { ...reminder, name: 'DST reminder' });
      const preview = await owner.post(`/templates/${created.id}/preview`, { record_id: session.id });
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({
        subject: null,
        html: null,
        text: 'Hi Ada, see you Monday March 9 at 10:00 AM',
        sms: { characters: 42, segments: 1, encoding: 'GSM-7' },
        problems: [],
      });
    });

    it('formats money and phone numbers of real records for the studio', async () => {
      const { owner, samples } = ctx();
      const invoice = await samples.create('invoice', {
        client_id: client.id,
        bill_to_client_id: client.id,
        total_cents: 123456,
      });
      const preview = await owner.post('/templates/preview', {
        channel: 'email',
        basis: 'invoice',
        subject: 'Invoice for {{ client.first_name }}',
        body_html: '<p>{{ invoice.total_cents | money }}</p>',
        body_text: 'Call {{ client.phones.first.number | phone }} about {{ invoice.total_cents | money }}',
        record_id: invoice.id,
      });
      expect(preview.body).toEqual({
        subject: 'Invoice for Ada',
        html: '<p>$1,234.56</p>',
        text: 'Call (212) 555-0142 about $1,234.56',
        sms: null,
        problems: [],
      });
    });

    it('counts SMS segments of the rendered text, in UCS-2 when it has an emoji', async () => {
      const { owner } = ctx();
      const preview = await owner.post('/templates/preview', {
        channel: 'sms',
        basis: 'session',
        body_text: `${'Ready for your photos, {{ client.first_name }}? 📸 '.repeat(2)}`,
        record_id: session.id,
      });
      expect(preview.body.text).toBe('Ready for your photos, Ada? 📸 Ready for your photos, Ada? 📸 ');
      expect(preview.body.sms).toEqual({ characters: 60, segments: 1, encoding: 'UCS-2' });
      const long = await owner.post('/templates/preview', {
        channel: 'sms',
        basis: 'session',
        body_text: 'Ready for your photos, {{ client.first_name }}? 📸 '.repeat(3),
        record_id: session.id,
      });
      expect(long.body.sms).toEqual({ characters: 90, segments: 2, encoding: 'UCS-2' });
    });

    it('shows lint problems of a draft beside what it could render', async () => {
      const { owner } = ctx();
      const preview = await owner.post('/templates/preview', {
        channel: 'sms',
        basis: 'session',
        body_text: '{{ client.first_name }} {{ client.frist_name }}',
        record_id: session.id,
      });
      expect(preview.body.text).toBe('Ada ');
      expect(preview.body.problems).toEqual([
        { path: 'body_text', problem: expect.stringContaining('"client.frist_name" is not a merge field') },
      ]);
    });

    it('answers 404 for a record of the wrong kind or none, and 400 for a bad request', async () => {
      const { owner } = ctx();
      const missing = await owner.post('/templates/preview', {
        channel: 'sms',
        basis: 'session',
        body_text: 'x',
        record_id: 987654321,
      });
      expect(missing.status).toBe(404);
      const bad = await owner.post('/templates/preview', {
        channel: 'fax',
        basis: 'nothing',
        record_id: 'one',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual([
        'channel',
        'basis',
        'record_id',
      ]);
    });

    it('lists the merge fields of a basis for an editor', async () => {
      const { staff } = ctx();
      const catalog = await staff.read('/merge-fields?basis=session');
      expect(catalog.objects.map((o: { name: string }) => o.name)).toContain('photographer');
      expect((await staff.get('/merge-fields?basis=studio')).status).toBe(400);
    });
  });
});
