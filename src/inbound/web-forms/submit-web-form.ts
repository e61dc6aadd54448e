import { recordKind } from '../../domain/record-kinds/index.js';
import { checkFormAnswers, type CheckedAnswers } from '../../domain/web-forms/check-form-answers.js';
import { formFields } from '../../domain/web-forms/form-definition.js';
import { changeStatus } from '../../store/change-status.js';
import type { Db } from '../../store/database.js';
import { loose } from '../../store/record-table.js';
import type { PublicForm } from './find-public-form.js';
import { submitStatusOf } from './submit-status.js';
import { BoundWriteRefused, FORM_ACTOR, writeBoundRecords } from './write-bound-records.js';

export type SubmitOutcome =
  | { outcome: 'submitted' }
  | { outcome: 'invalid'; checked: CheckedAnswers }
  | { outcome: 'already_submitted' | 'expired' };

/**
 * Submits a form instance in one transaction: the answers and `submitted_at` on the form, the
 * bound fields written back to their records, and the form moved to the submit status (whose
 * history row is what Web Form Status triggers fire on). Answers that do not pass the field checks
 * change nothing. The form row is taken with a conditional update first, so of two submissions
 * racing for a form that allows one, exactly one is stored. An edit (templates with "allow edits")
 * enters the submit status only when the form is not in it already, so triggers fire once.
 */
export async function submitWebForm(
  db: Db,
  page: PublicForm,
  body: Record<string, unknown>,
): Promise<SubmitOutcome> {
  const form = page.form;
  if (!form) throw new Error('submitWebForm needs a form instance');
  const fields = formFields(page.definition);
  const checked = checkFormAnswers(fields, body, page.context.country);
  if (checked.problems.size > 0) return { outcome: 'invalid', checked };
  const at = page.now.toISOString();
  const editable = page.template.allow_edits === 1;
  try {
    return await db.transaction().execute(async (trx) => {
      let claim = loose(trx)
        .updateTable('web_forms')
        .set({ answers: JSON.stringify(checked.answers), submitted_at: at, updated_at: at })
        .where('studio_id', '=', page.context.id)
        .where('id', '=', Number(form.id))
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]));
      if (!editable) claim = claim.where('submitted_at', 'is', null);
      const claimed = await claim.executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) {
        return { outcome: page.state === 'expired' ? 'expired' : 'already_submitted' } as const;
      }
      await writeBoundRecords(
        trx,
        page.context,
        fields,
        checked.answers,
        {
          client: nullableId(form.client_id),
          session: nullableId(form.session_id),
          invoice: nullableId(form.invoice_id),
        },
        page.now,
      );
      const submitStatus = await submitStatusOf(trx, page.context.id);
      const current = await loose(trx)
        .selectFrom('web_forms')
        .select('status_id')
        .where('id', '=', Number(form.id))
        .executeTakeFirstOrThrow();
      const firstTime = form.submitted_at === null;
      if (submitStatus !== null && (firstTime || Number(current.status_id) !== submitStatus)) {
        await changeStatus(
          trx,
          page.context,
          recordKind('web_form'),
          Number(form.id),
          { statusId: submitStatus },
          FORM_ACTOR,
          page.now,
        );
      }
      return { outcome: 'submitted' } as const;
    });
  } catch (error) {
    if (!(error instanceof BoundWriteRefused)) throw error;
    return { outcome: 'invalid', checked: { ...checked, problems: error.problems } };
  }
}

export function nullableId(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
