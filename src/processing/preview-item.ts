import { AppError, notFound } from '../domain/errors.js';
import { ACTIONS } from '../domain/triggers/trigger-actions.js';
import { rulesOf } from '../engine/evaluate-trigger.js';
import { evaluationTriggerOf } from '../engine/evaluation-trigger.js';
import { itemRows, judgeItemRows } from '../engine/recheck-items.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioRow } from '../store/studios.js';
import { triggerDefinitionOf } from '../store/trigger-rows.js';
import { findTriggerRow } from '../store/triggers.js';
import { unsubscribeUrl } from '../domain/unsubscribe-token.js';
import { loadPlanInput } from './load-plan-input.js';
import { planAction } from './plan-action.js';
import type { PlannedOutput } from './action-plan.js';
import { formUrl, type ProcessSettings } from './process-item.js';

/**
 * What processing an item would create now, rendered, without writing anything (SPEC §3.5: "each
 * item shows the message it would send, rendered"): the same re-qualification and the same plan as
 * processing, so the preview cannot promise what processing would not do. A web form's link shows
 * a placeholder, since its token is made only when the form is.
 */
export async function previewItem(
  db: Db,
  studio: StudioRow,
  itemId: number,
  now: Date,
  settings: ProcessSettings,
) {
  const item = (await loose(db)
    .selectFrom('triggered_items')
    .selectAll()
    .where('studio_id', '=', studio.id)
    .where('id', '=', itemId)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!item) throw notFound('Triggered item', itemId);
  const base = { item_id: itemId, state: item.state };
  if (item.state !== 'pending') {
    return {
      ...base,
      qualifies: false,
      reason: `the item is ${String(item.state)}; only pending items are processed`,
    };
  }
  // Items keep their trigger (its foreign key refuses a delete), so the row is there.
  const triggerRow = (await findTriggerRow(db, studio.id, Number(item.trigger_id))) as LooseRow;
  const trigger = evaluationTriggerOf(triggerRow);
  if (trigger) {
    const rows = await itemRows(db, trigger, (query) => query.where('i.id', '=', itemId));
    const [judged] = await judgeItemRows(db, trigger, rulesOf(trigger), rows);
    if (judged?.reason) return { ...base, qualifies: false, reason: `would be withdrawn: ${judged.reason}` };
  }
  const definition = triggerDefinitionOf(triggerRow);
  const usesForm = ACTIONS[definition.action].channels.includes('web_form');
  const target = { record_kind: String(item.record_kind), record_id: Number(item.record_id) };
  try {
    const input = await loadPlanInput(
      db,
      studio,
      definition,
      target,
      now,
      usesForm ? formUrl(settings, '(link made when processed)') : null,
      unsubscribeUrl(settings.publicUrl, '(link made when processed)'),
    );
    const plan = await planAction(input);
    return {
      ...base,
      qualifies: true,
      reason: plan.nothing,
      action: definition.action,
      recipient: plan.recipient && {
        kind: plan.recipient.kind,
        name: plan.recipient.name,
        client_id: plan.recipient.clientId,
        family_member_id: plan.recipient.familyMemberId,
        user_id: plan.recipient.userId,
      },
      channel_used: plan.channelUsed,
      outputs: plan.outputs.map(previewOutput),
      passed_over: plan.passedOver,
      then_status_id: plan.nothing === null ? plan.thenStatusId : null,
      enrol_in_referral_program_id: plan.enrolInProgramId,
      problems: [],
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      ...base,
      qualifies: true,
      reason: `cannot be processed: ${error.message}`,
      problems: error.details,
    };
  }
}

/** An output as the preview shows it: attachments by name, type and size, not their bytes. */
function previewOutput(output: PlannedOutput) {
  if (!('attachments' in output) || output.attachments === undefined) return output;
  return {
    ...output,
    attachments: output.attachments.map((file) => ({
      kind: file.kind,
      filename: file.filename,
      content_type: file.contentType,
      byte_size: file.content.length,
    })),
  };
}
