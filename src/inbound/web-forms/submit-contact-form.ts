import { sql } from 'kysely';
import { recordKind } from '../../domain/record-kinds/index.js';
import { checkFormAnswers, type Answer } from '../../domain/web-forms/check-form-answers.js';
import { formFields, type FormField } from '../../domain/web-forms/form-definition.js';
import type { Db } from '../../store/database.js';
import { loose } from '../../store/record-table.js';
import { checkNewRecord, insertRecord } from '../../store/records.js';
import type { PublicForm } from './find-public-form.js';
import { boundUpdates } from './bound-values.js';
import type { SubmitOutcome } from './submit-web-form.js';
import { submitStatusOf } from './submit-status.js';
import { FORM_ACTOR, problemsOnFields } from './write-bound-records.js';

/**
 * A contact-us submission: a new client from the bound fields (with lead source "Web form: <name>")
 * and a submitted web form holding every answer, in the submit status, so that Web Form Status
 * triggers can greet the new client. When a client of the studio already has the email address
 * given, the form is linked to that client and the client is left as it is: an anonymous page must
 * not let anyone rewrite a client's details by knowing their address.
 */
export async function submitContactForm(
  db: Db,
  page: PublicForm,
  body: Record<string, unknown>,
): Promise<SubmitOutcome> {
  const fields = formFields(page.definition);
  const checked = checkFormAnswers(fields, body, page.context.country);
  if (checked.problems.size > 0) return { outcome: 'invalid', checked };
  const studio = page.context;
  const client = recordKind('client');
  const clientInput = {
    ...boundUpdates(fields, checked.answers, {}).client,
    lead_source: `Web form: ${String(page.template.name)}`.slice(0, 100),
  };
  const newClient = checkNewRecord(studio, client, clientInput, page.now);
  if (newClient.problems.length > 0) {
    return {
      outcome: 'invalid',
      checked: { ...checked, problems: problemsOnFields(fields, 'client', newClient.problems) },
    };
  }
  await db.transaction().execute(async (trx) => {
    const email = emailAnswer(fields, checked.answers);
    const existing = email
      ? await loose(trx)
          .selectFrom('client_emails')
          .select('client_id')
          .where('studio_id', '=', studio.id)
          .where(sql`lower(address)`, '=', email.toLowerCase())
          .orderBy('client_id')
          .executeTakeFirst()
      : undefined;
    const clientId = existing
      ? Number(existing.client_id)
      : await insertRecord(trx, studio, client, newClient.record, FORM_ACTOR, page.now);
    const form = checkNewRecord(
      studio,
      recordKind('web_form'),
      { web_form_template_id: Number(page.template.id), client_id: clientId },
      page.now,
    ).record;
    form.values.status_id = await submitStatusOf(trx, studio.id);
    form.values.answers = JSON.stringify(checked.answers);
    form.values.submitted_at = page.now.toISOString();
    await insertRecord(trx, studio, recordKind('web_form'), form, FORM_ACTOR, page.now);
  });
  return { outcome: 'submitted' };
}

function emailAnswer(fields: readonly FormField[], answers: Record<string, Answer>): string | null {
  const field = fields.find((f) => f.bound?.kind === 'client' && f.bound.field.name === 'email');
  const answer = field ? answers[field.name] : null;
  return typeof answer === 'string' ? answer : null;
}
