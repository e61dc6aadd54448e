import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';
import { countRows } from '../support/record-snapshot.js';
import { CLIENT_FORM, FIRST_NAME, makeForm, openPage, postForm } from './web-form-support.js';

const VALID = {
  first_name: 'Ada',
  email: 'ada@example.com',
  phone: '(202) 555-0142',
  birthday: '1990-12-10',
  style: 'Outdoor',
  news: 'yes',
  wishes: 'Golden hour 🌅, please',
};

forEachDialect('web form pages', (store) => {
  let s: ProcessingStudio;
  let templateId: number;
  let submitted: number;

  beforeAll(async () => {
    s = await processingStudio(store());
    submitted = (await s.api.create('/statuses', { kind: 'web_form', name: 'Submitted', is_submit: true }))
      .id;
    templateId = (
      await s.api.create('/web-form-templates', {
        name: 'Before your session',
        basis: 'client',
        title: 'Help us plan your session',
        definition: CLIENT_FORM,
      })
    ).id;
  });

  describe('the page', () => {
    it('shows the fields prefilled from the client, each with its label, required said in words', async () => {
      const { url } = await makeForm(s, templateId, {
        first_name: 'Grace',
        birth_date: '1985-04-02',
        allow_marketing_email: true,
        emails: [{ address: 'old@example.com' }, { address: 'grace@example.com', is_primary: true }],
        phones: [{ number: '+12025550111', label: 'mobile' }],
      });
      const page = await openPage(s.app, url);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('<html lang="en">');
      expect(page.text).toContain('name="viewport"');
      expect(page.text).not.toContain('<script');
      expect(page.text).toContain('<h1>Help us plan your session</h1>');
      expect(page.text).toMatch(
        /<label for="f-first_name">First name <span class="req">\(required\)<\/span><\/label>/,
      );
      expect(page.text).toMatch(/id="f-first_name"[^>]*value="Grace"/);
      expect(page.text).toMatch(/id="f-email"[^>]*value="grace@example.com"/);
      expect(page.text).toMatch(/type="tel" id="f-phone"[^>]*value="\+12025550111"/);
      expect(page.text).toMatch(
        /type="date" id="f-birthday"[^>]*aria-describedby="f-birthday-help"[^>]*value="1985-04-02"/,
      );
      expect(page.text).toMatch(/id="f-news"[^>]* checked/);
      for (const name of Object.keys(VALID)) expect(page.text).toContain(`<label for="f-${name}">`);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    });

    it('answers an unknown or malformed token with a 404 page that names no studio', async () => {
      for (const token of ['A'.repeat(43), 'short', '..%2F..%2Fetc', 'x'.repeat(99)]) {
        const page = await openPage(s.app, `/forms/${token}`);
        expect(page.status, token).toBe(404);
        expect(page.text).toContain('Form not found');
        expect(page.text).not.toContain(s.fixture.studio.name);
        const posted = await postForm(s.app, `/forms/${token}`, VALID);
        expect(posted.status, token).toBe(404);
      }
    });
  });

  describe('sending', () => {
    it('shows every problem next to its field with the typed values kept, and writes nothing', async () => {
      const { url, clientId, form } = await makeForm(s, templateId, { first_name: 'Grace' });
      const before = await s.api.read(`/clients/${clientId}`);
      const page = await postForm(s.app, url, {
        first_name: '  ',
        email: 'not-an-address',
        phone: '12',
        birthday: '1990-02-30',
        style: 'Underwater',
        wishes: 'Keep <this> & "that"',
      });
      expect(page.status).toBe(400);
      expect(page.text).toContain('<title>Error: Help us plan your session</title>');
      expect(page.text).toMatch(/class="summary" role="alert" tabindex="-1" autofocus/);
      expect(page.text).toContain('There are 5 problems');
      const problems: Record<string, string> = {
        first_name: 'is required',
        email: 'is not a valid email address',
        phone: '',
        birthday: 'must be a date written YYYY-MM-DD',
        style: 'must be one of the choices given',
      };
      for (const [name, problem] of Object.entries(problems)) {
        expect(page.text).toContain(`<a href="#f-${name}">`);
        expect(page.text).toMatch(
          new RegExp(`id="f-${name}-error"><span class="vh">Error: </span>${problem}`),
        );
        expect(page.text).toMatch(
          new RegExp(`id="f-${name}"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*f-${name}-error"`),
        );
      }
      expect(page.text).toMatch(/id="f-email"[^>]*value="not-an-address"/);
      expect(page.text).toContain('Keep &lt;this&gt; &amp; &quot;that&quot;</textarea>');
      expect(page.text).not.toMatch(/id="f-wishes"[^>]*aria-invalid/);
      expect(await s.api.read(`/clients/${clientId}`)).toEqual(before);
      const after = await s.api.read(`/web-forms/${form.id}`);
      expect(after).toMatchObject({ submitted_at: null, answers: null, status_id: s.catalogs.formOpen });
    });

    it('writes the bound fields back, stores the answers and enters the submit status', async () => {
      await s.tick(5);
      const { url, clientId, form } = await makeForm(s, templateId, {
        first_name: 'Grace',
        emails: [{ address: 'grace@example.com', is_primary: true }],
      });
      await s.tick(5);
      const page = await postForm(s.app, url, { ...VALID, submit: '' });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Thank you');
      const client = await s.api.read(`/clients/${clientId}`);
      expect(client).toMatchObject({
        first_name: 'Ada',
        birth_date: '1990-12-10',
        allow_marketing_email: true,
        emails: [{ address: 'ada@example.com', is_primary: true }],
        phones: [{ number: '+12025550142', label: 'mobile' }],
        updated_at: s.now().toISOString(),
      });
      const sent = await s.api.read(`/web-forms/${form.id}`);
      expect(sent).toMatchObject({
        status_id: submitted,
        submitted_at: s.now().toISOString(),
        answers: { ...VALID, phone: '+12025550142', news: true },
      });
      const history = await s.api.read(`/web-forms/${form.id}/status-history`);
      expect(history.data.map((h: any) => h.status_id)).toEqual([s.catalogs.formOpen, submitted]);
      const consent = await s.api.read(`/clients/${clientId}/consent-events`);
      expect(consent.data[0]).toMatchObject({
        channel: 'email',
        action: 'opt_in',
        source: 'web_form',
        user_id: null,
      });
    });

    it('refuses a second submission with a 409 page, and takes one when the template allows edits', async () => {
      const { url, form } = await makeForm(s, templateId);
      expect((await postForm(s.app, url, VALID)).status).toBe(200);
      const again = await postForm(s.app, url, { ...VALID, wishes: 'Changed my mind' });
      expect(again.status).toBe(409);
      expect(again.text).toContain('This form was already sent');
      expect((await s.api.read(`/web-forms/${form.id}`)).answers.wishes).toBe(VALID.wishes);
      expect((await openPage(s.app, url)).text).toContain('This form was already sent');

      const editable = (
        await s.api.create('/web-form-templates', {
          name: 'Editable',
          basis: 'client',
          definition: CLIENT_FORM,
          allow_edits: true,
        })
      ).id;
      const second = await makeForm(s, editable);
      expect((await postForm(s.app, second.url, VALID)).status).toBe(200);
      const reopened = await openPage(s.app, second.url);
      expect(reopened.text).toContain(`${VALID.wishes}</textarea>`);
      const edit = await postForm(s.app, second.url, { ...VALID, wishes: 'Changed my mind' });
      expect(edit.status).toBe(200);
      expect((await s.api.read(`/web-forms/${second.form.id}`)).answers.wishes).toBe('Changed my mind');
      // Still in the submit status from the first time: no second stay, so triggers fire once.
      const history = await s.api.read(`/web-forms/${second.form.id}/status-history`);
      expect(history.data.map((h: any) => h.status_id)).toEqual([s.catalogs.formOpen, submitted]);
    });

    it('expires on the studio clock: 410 pages once expires_at has passed, nothing stored', async () => {
      const expiresAt = new Date(s.now().getTime() + 60 * 60_000).toISOString();
      const { url, form } = await makeForm(s, templateId, {}, { expires_at: expiresAt });
      expect((await openPage(s.app, url)).status).toBe(200);
      await s.tick(61);
      const page = await openPage(s.app, url);
      expect(page.status).toBe(410);
      expect(page.text).toContain('This form has expired');
      expect((await postForm(s.app, url, VALID)).status).toBe(410);
      expect(await s.api.read(`/web-forms/${form.id}`)).toMatchObject({ submitted_at: null, answers: null });
    });

    it('takes back every write when one bound record cannot be written', async () => {
      const sessionForm = (
        await s.api.create('/web-form-templates', {
          name: 'Session notes',
          basis: 'session',
          definition: {
            pages: [
              {
                fields: [
                  FIRST_NAME,
                  {
                    name: 'notes',
                    type: 'long_text',
                    label: 'Notes for the photographer',
                    binding: 'session.notes',
                  },
                ],
              },
            ],
          },
        })
      ).id;
      const type = (await s.api.create('/types', { kind: 'session', name: 'Portrait' })).id;
      const client = await s.api.create('/clients', { first_name: 'Grace', last_name: 'Hopper' });
      const session = await s.api.create('/sessions', {
        client_id: client.id,
        session_type_id: type,
        start: '2026-12-05T19:00:00Z',
      });
      const form = await s.api.create('/web-forms', {
        web_form_template_id: sessionForm,
        client_id: client.id,
        session_id: session.id,
      });
      const page = await openPage(s.app, `/forms/${String(form.token)}`);
      expect(page.text).toMatch(/id="f-first_name"[^>]*value="Grace"/);
      expect((await s.api.delete(`/sessions/${session.id}`)).status).toBe(204);
      const before = await s.api.read(`/clients/${client.id}`);
      const posted = await postForm(s.app, `/forms/${String(form.token)}`, {
        first_name: 'Amazing',
        notes: 'Hi',
      });
      expect(posted.status).toBe(409);
      expect(posted.text).toContain('The session this form is about no longer exists');
      expect(await s.api.read(`/clients/${client.id}`)).toEqual(before);
      expect(await s.api.read(`/web-forms/${form.id}`)).toMatchObject({ submitted_at: null, answers: null });
    });
  });

  describe('hostile posts', () => {
    it('answers each with a clear 4xx page and stores nothing', async () => {
      const { url, form } = await makeForm(s, templateId);
      const forms = await countRows(store().db, 'status_history');
      const cases: [string, string | Record<string, string>, string | undefined, number, string][] = [
        ['a huge body', `wishes=${'x'.repeat(200_000)}`, undefined, 413, 'Too much text'],
        ['a NUL byte', { ...VALID, first_name: 'Ada\u0000' }, undefined, 400, 'control characters'],
        [
          'a repeated field',
          `${new URLSearchParams(VALID).toString()}&email=b%40example.com`,
          undefined,
          400,
          'must be given once',
        ],
        ['JSON', JSON.stringify(VALID), 'application/json', 415, 'Not a form post'],
        [
          'a longer answer than the field takes',
          { ...VALID, first_name: 'A'.repeat(101) },
          undefined,
          400,
          'at most 100 characters',
        ],
        ['bytes that are not UTF-8', 'first_name=%FF%FE&email=%C3', undefined, 400, 'There are'],
        [
          'a box that is not ticked or empty',
          { ...VALID, news: 'on' },
          undefined,
          400,
          'must be ticked or left empty',
        ],
      ];
      for (const [what, body, type, status, says] of cases) {
        const page = await postForm(s.app, url, body, type ? { contentType: type } : {});
        expect(page.status, what).toBe(status);
        expect(page.headers['content-type'], what).toBe('text/html; charset=utf-8');
        expect(page.text, what).toContain(says);
      }
      expect(await s.api.read(`/web-forms/${form.id}`)).toMatchObject({ submitted_at: null, answers: null });
      expect(await countRows(store().db, 'status_history')).toBe(forms);
    });
  });
});
