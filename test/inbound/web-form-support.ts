import type { FastifyInstance } from 'fastify';
import type { ProcessingStudio } from '../support/processing-fixture.js';

export interface Page {
  status: number;
  text: string;
  headers: Record<string, unknown>;
}

/** A public page as a browser without JavaScript gets it. */
export async function openPage(app: FastifyInstance, url: string): Promise<Page> {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, text: response.body, headers: response.headers };
}

/** Posts a form the way a browser does (or a raw body, for hostile posts). */
export async function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string> | string,
  options: { contentType?: string; ip?: string } = {},
): Promise<Page> {
  const payload = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  const response = await app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': options.contentType ?? 'application/x-www-form-urlencoded' },
    ...(options.ip ? { remoteAddress: options.ip } : {}),
  });
  return { status: response.statusCode, text: response.body, headers: response.headers };
}

/** The first-name field most forms start with, bound to the client's. */
export const FIRST_NAME = {
  name: 'first_name',
  type: 'text',
  label: 'First name',
  required: true,
  binding: 'client.first_name',
};

/** A questionnaire about a client: name, email, phone, birth date, a choice, a consent tick, notes. */
export const CLIENT_FORM = {
  pages: [
    {
      title: 'About you',
      fields: [
        FIRST_NAME,
        { name: 'email', type: 'email', label: 'Email', required: true, binding: 'client.email' },
        { name: 'phone', type: 'phone', label: 'Mobile phone', binding: 'client.phone' },
        {
          name: 'birthday',
          type: 'date',
          label: 'Birthday',
          binding: 'client.birth_date',
          help: 'For a birthday card',
        },
      ],
    },
    {
      title: 'Your session',
      fields: [
        { name: 'style', type: 'choice', label: 'Style', required: true, choices: ['Classic', 'Outdoor'] },
        {
          name: 'news',
          type: 'checkbox',
          label: 'Send me news by email',
          binding: 'client.allow_marketing_email',
        },
        { name: 'wishes', type: 'long_text', label: 'Anything else?' },
      ],
    },
  ],
};

export const CONTACT_FORM = {
  pages: [
    {
      fields: [
        FIRST_NAME,
        { name: 'last_name', type: 'text', label: 'Last name', required: true, binding: 'client.last_name' },
        { name: 'email', type: 'email', label: 'Email', required: true, binding: 'client.email' },
        { name: 'message', type: 'long_text', label: 'What photos do you have in mind?', required: true },
      ],
    },
  ],
};

/** A web form of the template for a new client of the studio; returns the form and its page URL. */
export async function makeForm(
  s: ProcessingStudio,
  templateId: number,
  client: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Promise<{ form: any; clientId: number; url: string }> {
  const made = await s.api.create('/clients', { first_name: 'Ada', last_name: 'Lovelace', ...client });
  const form = await s.api.create('/web-forms', {
    web_form_template_id: templateId,
    client_id: made.id,
    status_id: s.catalogs.formOpen,
    ...extra,
  });
  return { form, clientId: made.id, url: `/forms/${String(form.token)}` };
}
