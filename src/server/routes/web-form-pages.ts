import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Clock } from '../../domain/clock.js';
import { AppError } from '../../domain/errors.js';
import { formFields } from '../../domain/web-forms/form-definition.js';
import { readBoundRecords, prefillOf } from '../../inbound/web-forms/bound-values.js';
import {
  findContactForm,
  findFormByToken,
  type PublicForm,
} from '../../inbound/web-forms/find-public-form.js';
import { submitContactForm } from '../../inbound/web-forms/submit-contact-form.js';
import { nullableId, submitWebForm, type SubmitOutcome } from '../../inbound/web-forms/submit-web-form.js';
import { contactFormRetryAfter, recordContactFormPost } from '../../store/contact-form-posts.js';
import type { Db } from '../../store/database.js';
import { describeOnly } from '../describe-only.js';
import { formPageHtml } from '../web-forms/form-page-html.js';
import { messagePageHtml } from '../public-page.js';

/** The contact-us trap: a name no definition field can have (they may not contain "-"). */
export const HONEYPOT = 'homepage-url';
/** A public form's answers fit in far less than the API's 1 MiB; anything larger is refused early. */
const FORM_BODY_LIMIT = 64 * 1024;

const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: { type: 'string' } } },
});
const pageResponses = {
  200: html('The page: the form, or a thank-you after sending it'),
  400: html('The form again, each problem next to its field (or a page saying the post was unreadable)'),
  404: html('No form at this address'),
  409: html('The form was sent already and its template does not allow edits'),
  410: html('The form has expired'),
  413: html('The post was larger than a form can be'),
  415: html('The post was not application/x-www-form-urlencoded'),
  429: html('Too many contact-us forms from this address; Retry-After says when to try again'),
};
const formBody = {
  type: 'object',
  description: 'application/x-www-form-urlencoded: one value per field name of the template definition',
  additionalProperties: { type: 'string' },
};

const NOT_FOUND = [
  'Form not found',
  'This link does not lead to a form. Check the link in your message, or ask the studio that sent it for a new one.',
] as const;

/**
 * The public web form pages (SPEC §5, docs/inbound.md "Web forms"): a form instance at
 * /forms/<token> (the link the Web Form action sends) and a template's contact-us form at
 * /f/contact/<public key>. Server-rendered HTML, no sign-in: the token or key is the credential.
 * Errors here are pages, never the API's JSON.
 */
export function registerWebFormPages(app: FastifyInstance, db: Db, clock: Clock, config: Config): void {
  void app.register(async (scope) => {
    scope.setErrorHandler((error: FastifyError | AppError, request, reply) =>
      errorPage(error, request, reply),
    );
    const common = { ...describeOnly, config: { public: true }, bodyLimit: FORM_BODY_LIMIT };
    const tokenParams = { type: 'object', properties: { token: { type: 'string' } }, required: ['token'] };
    const keyParams = {
      type: 'object',
      properties: { publicKey: { type: 'string' } },
      required: ['publicKey'],
    };
    const tags = ['Web forms'];

    scope.get('/forms/:token', {
      ...common,
      schema: {
        tags,
        operationId: 'getWebFormPage',
        summary: 'The public page of a web form, prefilled',
        security: [],
        params: tokenParams,
        response: pageResponses,
      },
      handler: async (request, reply) => {
        const page = await findFormByToken(db, clock, (request.params as { token: string }).token);
        if (!page) return send(reply, 404, messagePageHtml(...NOT_FOUND));
        if (page.state !== 'open') return stateMessage(reply, page, page.state === 'expired' ? 410 : 200);
        return send(reply, 200, await formPage(db, page, null));
      },
    });

    scope.post('/forms/:token', {
      ...common,
      schema: {
        tags,
        operationId: 'submitWebForm',
        summary: 'Send a web form',
        security: [],
        params: tokenParams,
        body: formBody,
        response: pageResponses,
      },
      handler: async (request, reply) => {
        const page = await findFormByToken(db, clock, (request.params as { token: string }).token);
        if (!page) return send(reply, 404, messagePageHtml(...NOT_FOUND));
        if (page.state !== 'open') return stateMessage(reply, page, page.state === 'expired' ? 410 : 409);
        const outcome = await submitWebForm(db, page, formBodyOf(request));
        return outcomePage(db, reply, page, outcome);
      },
    });

    scope.get('/f/contact/:publicKey', {
      ...common,
      schema: {
        tags,
        operationId: 'getContactFormPage',
        summary: "A studio's contact-us form (embeddable)",
        security: [],
        params: keyParams,
        response: pageResponses,
      },
      handler: async (request, reply) => {
        const page = await findContactForm(db, clock, (request.params as { publicKey: string }).publicKey);
        if (!page) return send(reply, 404, messagePageHtml(...NOT_FOUND), true);
        return send(reply, 200, await formPage(db, page, null), true);
      },
    });

    scope.post('/f/contact/:publicKey', {
      ...common,
      schema: {
        tags,
        operationId: 'submitContactForm',
        summary: 'Send a contact-us form: creates a client',
        description: `A filled \`${HONEYPOT}\` field is taken for a robot: the answer is a thank-you page and nothing is stored. CONTACT_FORM_PER_HOUR submissions per client address and hour.`,
        security: [],
        params: keyParams,
        body: formBody,
        response: pageResponses,
      },
      handler: async (request, reply) => {
        const page = await findContactForm(db, clock, (request.params as { publicKey: string }).publicKey);
        if (!page) return send(reply, 404, messagePageHtml(...NOT_FOUND), true);
        const body = formBodyOf(request);
        if (typeof body[HONEYPOT] === 'string' && body[HONEYPOT] !== '') return thanks(reply, page, true);
        const now = clock.now();
        const wait = await contactFormRetryAfter(db, now, { perHour: config.contactFormPerHour }, request.ip);
        if (wait > 0) {
          void reply.header('retry-after', String(wait));
          const minutes = Math.ceil(wait / 60);
          return send(
            reply,
            429,
            messagePageHtml(
              'Too many messages',
              `This form was sent too often from your network. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
            ),
            true,
          );
        }
        const outcome = await submitContactForm(db, page, body);
        if (outcome.outcome === 'submitted') await recordContactFormPost(db, now, request.ip);
        return outcomePage(db, reply, page, outcome, true);
      },
    });
  });
}

/** The posted fields; a post that is not a form (JSON, a bare string) reads as an empty form. */
function formBodyOf(request: FastifyRequest): Record<string, unknown> {
  const type = String(request.headers['content-type'] ?? '');
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw Object.assign(new Error('Send the form as application/x-www-form-urlencoded'), { statusCode: 415 });
  }
  const body = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

async function formPage(
  db: Db,
  page: PublicForm,
  failed: Extract<SubmitOutcome, { outcome: 'invalid' }> | null,
): Promise<string> {
  const fields = formFields(page.definition);
  let values: Record<string, string>;
  if (failed) values = failed.checked.typed;
  else {
    const form = page.form;
    const records = form
      ? await readBoundRecords(db, page.context, fields, {
          client: nullableId(form.client_id),
          session: nullableId(form.session_id),
          invoice: nullableId(form.invoice_id),
        })
      : {};
    // An editable form opens with what was sent last for the fields no record holds.
    const previous = (form?.answers ? JSON.parse(String(form.answers)) : {}) as Record<string, unknown>;
    values = Object.fromEntries(
      fields.map((f) => {
        const before = previous[f.name];
        const fallback = before === true ? 'yes' : typeof before === 'string' ? before : '';
        return [f.name, f.bound ? prefillOf(f, records) : fallback];
      }),
    );
  }
  return formPageHtml({
    title: titleOf(page),
    studioName: page.studio.name,
    definition: page.definition,
    values,
    problems: failed?.checked.problems ?? new Map(),
    honeypot: page.form ? null : HONEYPOT,
  });
}

async function outcomePage(
  db: Db,
  reply: FastifyReply,
  page: PublicForm,
  outcome: SubmitOutcome,
  embeddable = false,
) {
  switch (outcome.outcome) {
    case 'submitted':
      return thanks(reply, page, embeddable);
    case 'invalid':
      return send(reply, 400, await formPage(db, page, outcome), embeddable);
    case 'expired':
      return stateMessage(reply, page, 410);
    case 'already_submitted':
      return stateMessage(reply, { ...page, state: 'submitted' }, 409);
  }
}

function thanks(reply: FastifyReply, page: PublicForm, embeddable: boolean) {
  return send(
    reply,
    200,
    messagePageHtml('Thank you', `Your answers were sent to ${page.studio.name}.`, page.studio.name),
    embeddable,
  );
}

function stateMessage(reply: FastifyReply, page: PublicForm, status: number) {
  const [title, text] =
    page.state === 'expired'
      ? [
          'This form has expired',
          `The time to fill in this form is over. If you still want to send it, ask ${page.studio.name} for a new link.`,
        ]
      : [
          'This form was already sent',
          `Thank you: ${page.studio.name} has your answers. The form cannot be sent a second time.`,
        ];
  return send(reply, status, messagePageHtml(title, text, page.studio.name));
}

/**
 * Sends a page with the headers every public page has: no caching (answers and prefilled details
 * are personal), no Referer (the token is in the URL), a policy that allows no script and posts
 * only to this server. Form instance pages may not be framed; the contact-us page is made to be.
 */
function send(reply: FastifyReply, status: number, body: string, embeddable = false) {
  const frames = embeddable ? '*' : "'none'";
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors ${frames}`,
    )
    .send(body);
}

function titleOf(page: PublicForm): string {
  const title = page.template.title ?? page.template.name;
  return String(title);
}

function errorPage(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const embeddable = request.url.startsWith('/f/');
  if (error instanceof AppError && error.status < 500) {
    return send(reply, error.status, messagePageHtml('This form cannot be sent', error.message), embeddable);
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status === 413) {
    return send(
      reply,
      413,
      messagePageHtml(
        'Too much text',
        'What was sent is larger than this form can take. Please shorten your answers and try again.',
      ),
      embeddable,
    );
  }
  if (status === 415) {
    return send(
      reply,
      415,
      messagePageHtml(
        'Not a form post',
        'Send this form from its page, as a web form (application/x-www-form-urlencoded).',
      ),
      embeddable,
    );
  }
  if (status >= 400 && status < 500) {
    return send(
      reply,
      400,
      messagePageHtml(
        'The form could not be read',
        'What was sent could not be read as this form. Please go back and try again.',
      ),
      embeddable,
    );
  }
  request.log.error({ err: error }, 'web form page failed');
  return send(
    reply,
    500,
    messagePageHtml(
      'Something went wrong',
      'The form could not be shown or sent because of a problem on our side. Please try again later.',
    ),
    embeddable,
  );
}
