import type { Transaction } from 'kysely';
import { openPrintBatchFor } from '../delivery/print/open-print-batch.js';
import { recordKind, type RecordKindName } from '../domain/record-kinds/index.js';
import { applyStatusChange } from '../store/change-record-status.js';
import { insertAttachments } from '../store/communication-attachments.js';
import { insertRecord, checkNewRecord } from '../store/records.js';
import { queueDelivery } from '../store/queue-delivery.js';
import { loose } from '../store/record-table.js';
import type { Database } from '../store/schema.js';
import type { Actor, StudioContext } from '../store/studio-context.js';
import type { DeliveryProviders } from '../delivery/delivery-channels.js';
import type { ActionPlan, PlannedMessage, PlannedOutput } from './action-plan.js';
import { initialStatusId } from './initial-status.js';
import { UNSUBSCRIBE_TOKEN_SLOT } from './unsubscribe-link.js';
import { signUnsubscribeToken } from '../domain/unsubscribe-token.js';

/** What processing created, kept on the item as its `result` (ids by kind). */
export interface ActionResult {
  communications: number[];
  tasks: number[];
  web_forms: number[];
  status_id: number | null;
  referral_program_id: number | null;
  passed_over: { channel: string; reason: string }[];
  nothing: string | null;
}

export interface WriteContext {
  readonly trx: Transaction<Database>;
  readonly studio: StudioContext;
  readonly item: { readonly id: number; readonly record_kind: string; readonly record_id: number };
  readonly actor: Actor;
  readonly now: Date;
  /** The token of the web form the plan creates (its link is already in the plan's message). */
  readonly webFormToken: string | null;
  /** The provider of each channel's new deliveries (capture for sandbox studios). */
  readonly providers: DeliveryProviders;
  /** Signs the unsubscribe links of marketing emails. */
  readonly unsubscribeSecret: string;
}

/**
 * Writes a plan inside the processing transaction: communications with their final content, an
 * outbox delivery for every email and SMS, tasks and web forms as records (so that their own
 * triggers can fire), letters into the studio's open print batch, the referral enrolment and the status change after the action.
 */
export async function writeActionPlan(ctx: WriteContext, plan: ActionPlan): Promise<ActionResult> {
  const result: ActionResult = {
    communications: [],
    tasks: [],
    web_forms: [],
    status_id: null,
    referral_program_id: null,
    passed_over: plan.passedOver.map((p) => ({ ...p })),
    nothing: plan.nothing,
  };
  for (const output of plan.outputs) await writeOutput(ctx, plan, output, result);
  const at = ctx.now.toISOString();
  if (plan.enrolInProgramId !== null && plan.recipient?.clientId != null) {
    await loose(ctx.trx)
      .updateTable('clients')
      .set({ referral_program_id: plan.enrolInProgramId, referral_enrolled_at: at, updated_at: at })
      .where('studio_id', '=', ctx.studio.id)
      .where('id', '=', plan.recipient.clientId)
      .execute();
    result.referral_program_id = plan.enrolInProgramId;
  }
  if (plan.thenStatusId !== null && plan.nothing === null) {
    const kind = recordKind(ctx.item.record_kind as RecordKindName);
    await applyStatusChange(
      ctx.trx,
      ctx.studio,
      kind,
      ctx.item.record_id,
      { statusId: plan.thenStatusId },
      ctx.actor,
      ctx.now,
    );
    result.status_id = plan.thenStatusId;
  }
  return result;
}

async function writeOutput(
  ctx: WriteContext,
  plan: ActionPlan,
  output: PlannedOutput,
  result: ActionResult,
): Promise<void> {
  const about = {
    triggered_item_id: ctx.item.id,
    record_kind: ctx.item.record_kind,
    record_id: ctx.item.record_id,
  };
  switch (output.channel) {
    case 'email':
    case 'sms':
      result.communications.push(await writeMessage(ctx, plan, output, about, null));
      return;
    case 'phone_call':
      result.communications.push(
        await insertCommunication(ctx, {
          ...about,
          channel: 'phone_call',
          purpose: 'message',
          client_id: plan.recipient?.clientId ?? null,
          to_address: output.to,
          subject: output.subject,
          body_text: output.note,
          call_type_id: output.callTypeId,
          assigned_user_id: output.assignedUserId,
          department_id: output.departmentId,
          due_date: output.dueDate,
        }),
      );
      return;
    case 'letter':
      result.communications.push(
        await insertCommunication(ctx, {
          ...about,
          channel: 'letter',
          purpose: 'message',
          client_id: plan.recipient?.clientId ?? null,
          to_address: output.to,
          body_html: output.html,
          body_text: output.text,
          is_marketing: output.isMarketing ? 1 : 0,
          // Joined here, in the processing transaction, so that a letter is never outside a batch.
          print_batch_id: await openPrintBatchFor(ctx.trx, ctx.studio.id, ctx.now),
        }),
      );
      return;
    case 'task':
      result.tasks.push(await insertCreatedRecord(ctx, 'task', output.values, 'task_type_id'));
      return;
    case 'web_form': {
      const formId = await insertCreatedRecord(ctx, 'web_form', output.values, null);
      result.web_forms.push(formId);
      if (output.link) result.communications.push(await writeMessage(ctx, plan, output.link, about, formId));
      return;
    }
  }
}

async function writeMessage(
  ctx: WriteContext,
  plan: ActionPlan,
  message: PlannedMessage,
  about: Record<string, unknown>,
  webFormId: number | null,
): Promise<number> {
  const recipient = plan.recipient;
  const id = await insertCommunication(ctx, {
    ...about,
    channel: message.channel,
    purpose: message.purpose,
    client_id: recipient?.clientId ?? null,
    family_member_id: recipient?.familyMemberId ?? null,
    recipient_user_id: recipient?.userId ?? null,
    recipient_name: recipient?.name ?? null,
    to_address: message.to,
    from_address: message.from,
    subject: message.subject,
    body_html: message.html,
    body_text: message.text,
    is_marketing: message.isMarketing ? 1 : 0,
    encoding: message.encoding,
    segments: message.segments,
    web_form_id: webFormId,
  });
  if (message.unsubscribeUrl) await signUnsubscribeLink(ctx, id, recipient?.clientId ?? null, message);
  const at = ctx.now.toISOString();
  // Kept with the communication, so that every attempt sends these bytes and no others.
  await insertAttachments(ctx.trx, ctx.studio.id, id, message.attachments ?? [], at);
  await queueDelivery(ctx.trx, ctx.studio.id, id, ctx.providers[message.channel], at);
  return id;
}

/**
 * Puts the real token into a marketing email's unsubscribe link, now that the communication has
 * the id it signs, and keeps the link on the row for the List-Unsubscribe header.
 */
async function signUnsubscribeLink(
  ctx: WriteContext,
  communicationId: number,
  clientId: number | null,
  message: PlannedMessage,
): Promise<void> {
  const token = signUnsubscribeToken(ctx.unsubscribeSecret, {
    studioId: ctx.studio.id,
    clientId,
    channel: 'email',
    communicationId,
  });
  const fill = (value: string | null) => value && value.split(UNSUBSCRIBE_TOKEN_SLOT).join(token);
  await loose(ctx.trx)
    .updateTable('communications')
    .set({
      subject: fill(message.subject),
      body_html: fill(message.html),
      body_text: fill(message.text),
      unsubscribe_url: fill(message.unsubscribeUrl ?? null),
    })
    .where('id', '=', communicationId)
    .execute();
}

async function insertCommunication(ctx: WriteContext, values: Record<string, unknown>): Promise<number> {
  const at = ctx.now.toISOString();
  const row = await loose(ctx.trx)
    .insertInto('communications')
    .values({ studio_id: ctx.studio.id, direction: 'outbound', ...values, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A task or web form, through the record store: checked, with its initial status and history. */
async function insertCreatedRecord(
  ctx: WriteContext,
  kindName: 'task' | 'web_form',
  values: Readonly<Record<string, unknown>>,
  typeField: string | null,
): Promise<number> {
  const kind = recordKind(kindName);
  const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
  const typeId = typeField ? (input[typeField] as number) : null;
  const statusId = await initialStatusId(ctx.trx, ctx.studio.id, kindName, typeId);
  if (statusId !== null) input.status_id = statusId;
  const { record, problems } = checkNewRecord(ctx.studio, kind, input, ctx.now);
  record.values.triggered_item_id = ctx.item.id;
  if (kindName === 'web_form' && ctx.webFormToken) record.values.token = ctx.webFormToken;
  return insertRecord(ctx.trx, ctx.studio, kind, record, ctx.actor, ctx.now, problems);
}
