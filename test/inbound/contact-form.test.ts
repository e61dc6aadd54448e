import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';
import { countRows } from '../support/record-snapshot.js';
import { CLIENT_FORM, CONTACT_FORM, openPage, postForm } from './web-form-support.js';

const MESSAGE = {
  first_name: 'Mary',
  last_name: 'Shelley',
  email: 'Mary@Example.com',
  message: 'Family portraits in May',
};

forEachDialect('contact-us forms and Web Form Status triggers', (store) => {
  let s: ProcessingStudio;
  let submitted: number;
  let url: string;
  let templateId: number;

  beforeAll(async () => {
    s = await processingStudio(store());
    submitted = (await s.api.create('/statuses', { kind: 'web_form', name: 'Submitted', is_submit: true }))
      .id;
    const template = await s.api.create('/web-form-templates', {
      name: 'Contact us',
      basis: 'contact_us',
      title: 'Tell us about your photos',
      definition: CONTACT_FORM,
    });
    templateId = template.id;
    url = `/f/contact/${String(template.public_key)}`;
  });

  describe('contact-us', () => {
    it('serves an embeddable page with a hidden trap field and no prefill', async () => {
      const page = await openPage(s.app, url);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<h1>Tell us about your photos</h1>');
      expect(page.text).toMatch(/class="hp" aria-hidden="true".*name="homepage-url" tabindex="-1"/);
      expect(String(page.headers['content-security-policy'])).toContain('frame-ancestors *');
      expect((await openPage(s.app, `/f/contact/${'B'.repeat(43)}`)).status).toBe(404);
    });

    it('creates a client and a submitted web form holding the answers', async () => {
      const clients = await countRows(store().db, 'clients');
      const page = await postForm(s.app, url, MESSAGE, { ip: '198.51.100.1' });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Thank you');
      expect(await countRows(store().db, 'clients')).toBe(clients + 1);
      const forms = await s.api.read(`/web-forms?web_form_template_id=${templateId}`);
      expect(forms.data).toHaveLength(1);
      const [form] = forms.data;
      expect(form).toMatchObject({
        status_id: submitted,
        answers: { ...MESSAGE, email: 'Mary@example.com' },
        submitted_at: s.now().toISOString(),
      });
      const client = await s.api.read(`/clients/${form.client_id}`);
      expect(client).toMatchObject({
        first_name: 'Mary',
        last_name: 'Shelley',
        lead_source: 'Web form: Contact us',
        emails: [{ address: 'Mary@example.com', is_primary: true }],
      });
    });

    it('links a second message from a known address to that client and changes nothing of the client', async () => {
      const clients = await countRows(store().db, 'clients');
      const page = await postForm(
        s.app,
        url,
        { ...MESSAGE, first_name: 'Impostor', email: 'mary@EXAMPLE.com' },
        { ip: '198.51.100.2' },
      );
      expect(page.status).toBe(200);
      expect(await countRows(store().db, 'clients')).toBe(clients);
      const forms = (await s.api.read(`/web-forms?web_form_template_id=${templateId}&sort=id`)).data;
      expect(forms).toHaveLength(2);
      expect(forms[1].client_id).toBe(forms[0].client_id);
      expect((await s.api.read(`/clients/${forms[0].client_id}`)).first_name).toBe('Mary');
    });

    it('pretends to thank a robot that fills the trap field, and stores nothing', async () => {
      const [clients, forms] = [
        await countRows(store().db, 'clients'),
        await countRows(store().db, 'web_forms'),
      ];
      const page = await postForm(
        s.app,
        url,
        { ...MESSAGE, email: 'bot@example.com', 'homepage-url': 'http://spam.example' },
        { ip: '198.51.100.3' },
      );
      expect(page.status).toBe(200);
      expect(page.text).toContain('Thank you');
      expect(await countRows(store().db, 'clients')).toBe(clients);
      expect(await countRows(store().db, 'web_forms')).toBe(forms);
    });

    it('shows problems inline and creates nothing', async () => {
      const clients = await countRows(store().db, 'clients');
      const page = await postForm(s.app, url, { first_name: 'Mary', email: 'nope' }, { ip: '198.51.100.4' });
      expect(page.status).toBe(400);
      expect(page.text).toContain('There are 3 problems');
      expect(await countRows(store().db, 'clients')).toBe(clients);
    });

    it('refuses more than CONTACT_FORM_PER_HOUR forms from one address with a 429 page, others still pass', async () => {
      const ip = '203.0.113.7';
      for (let n = 0; n < 5; n += 1) {
        const page = await postForm(s.app, url, { ...MESSAGE, email: `fan${n}@example.com` }, { ip });
        expect(page.status).toBe(200);
      }
      const clients = await countRows(store().db, 'clients');
      const refused = await postForm(s.app, url, { ...MESSAGE, email: 'fan9@example.com' }, { ip });
      expect(refused.status).toBe(429);
      expect(refused.text).toContain('Too many messages');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(await countRows(store().db, 'clients')).toBe(clients);
      const other = await postForm(
        s.app,
        url,
        { ...MESSAGE, email: 'other@example.com' },
        { ip: '203.0.113.8' },
      );
      expect(other.status).toBe(200);
    });

    it('answers 404 for a template that is inactive or not a contact-us form', async () => {
      const plain = await s.api.create('/web-form-templates', {
        name: 'Plain',
        basis: 'client',
        definition: CLIENT_FORM,
      });
      expect((await openPage(s.app, `/f/contact/${String(plain.public_key)}`)).status).toBe(404);
      const other = await s.api.create('/web-form-templates', {
        name: 'Old contact',
        basis: 'contact_us',
        definition: CONTACT_FORM,
        is_inactive: true,
      });
      expect((await postForm(s.app, `/f/contact/${String(other.public_key)}`, MESSAGE)).status).toBe(404);
    });
  });

  it('a Web Form action sends a link that opens the form; sending it fires a Web Form Status trigger', async () => {
    await s.api.patch(`/web-form-templates/${s.catalogs.formTemplate}`, { definition: CLIENT_FORM });
    const fired = await s.fire(
      { action: 'web_form', action_settings: { web_form_template_id: s.catalogs.formTemplate } },
      { first_name: 'Ada', emails: [{ address: 'ada@example.com', is_primary: true }] },
    );
    const link = /https?:\/\/\S+\/forms\/([A-Za-z0-9_-]{43})/.exec(fired.communications[0].body_text);
    expect(link).not.toBeNull();
    const formUrl = `/forms/${String(link?.[1])}`;
    const onSubmit = await s.api.create('/triggers', {
      name: 'Thank you task',
      trigger_type: 'web_form_status',
      filter_status_id: submitted,
      date_option: 'status_entered',
      processing: 'manual',
      action: 'task',
      action_settings: {
        task_type_id: s.catalogs.taskType,
        subject: 'Read the answers',
        due_in_business_days: 1,
      },
    });
    await s.tick();
    expect((await openPage(s.app, formUrl)).text).toMatch(/id="f-email"[^>]*value="ada@example.com"/);
    const sent = await postForm(s.app, formUrl, {
      first_name: 'Ada',
      email: 'ada@example.com',
      style: 'Classic',
    });
    expect(sent.status).toBe(200);
    await s.tick();
    const [formId] = fired.item.result.web_forms;
    const items = await s.api.read(`/queue/items?trigger_id=${onSubmit.id}`);
    expect(items.data.map((i: any) => [i.record_kind, i.record_id])).toEqual([['web_form', formId]]);
  });
});
