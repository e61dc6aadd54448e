import { renderAttachments } from '../attachments/render-attachments.js';
import { addBusinessDays } from '../domain/business-days.js';
import type { Recipient } from '../domain/recipient.js';
import { smsSegments } from '../domain/sms-segments.js';
import { ACTIONS, type Channel } from '../domain/triggers/trigger-actions.js';
import type { ActionSettings, TriggerDefinition } from '../domain/triggers/trigger-definition.js';
import { usableAddress, type UsableRules } from '../domain/usable-address.js';
import type { WorkWeek } from '../domain/work-week.js';
import { renderTemplate, type MergeData } from '../templates/render-template.js';
import type { StudioRow } from '../store/studios.js';
import type { TemplateRow } from '../store/templates.js';
import type { ActionPlan, PlannedMessage, PlannedOutput } from './action-plan.js';
import { withUnsubscribeLink } from './unsubscribe-link.js';
import { linkMessage } from './web-form-link-message.js';

/** Everything the planner reads, loaded by `loadPlanInput` (or made up by a test). */
export interface PlanInput {
  readonly studio: StudioRow;
  readonly workWeek: WorkWeek;
  readonly trigger: TriggerDefinition;
  readonly basis: string;
  readonly recordId: number;
  readonly data: MergeData;
  /** Who email and SMS go to (Send To); null with `noRecipient` saying why. */
  readonly recipient: Recipient | null;
  readonly noRecipient: string | null;
  /** The record's client: whom calls, letters, tasks and web forms are about. */
  readonly client: Recipient | null;
  /** The recipient client's current referral program, if any. */
  readonly clientProgramId: number | null;
  readonly rules: UsableRules;
  readonly templates: ReadonlyMap<number, TemplateRow>;
  /** When processing runs, and its studio-local date. */
  readonly now: Date;
  readonly today: string;
  /** Web Form actions: the link to send, the real one when processing, a placeholder in a preview. */
  readonly webFormUrl: string | null;
  /** Marketing emails: the unsubscribe link, its token still to come (`pendingUnsubscribeUrl`). */
  readonly unsubscribeUrl: string | null;
}

type Settings = ActionSettings;

/**
 * Works out what processing an item creates (SPEC §3.4): the channels of the action are tried in
 * order and the first usable one is used (`email_and_sms` uses every usable one); calls, letters,
 * tasks and web forms are about the record's client; email and SMS go to the Send To recipient.
 * Referral Program Options may stop a message before any channel is tried.
 */
export async function planAction(input: PlanInput): Promise<ActionPlan> {
  const { trigger } = input;
  const action = ACTIONS[trigger.action];
  const settings = trigger.action_settings;
  const base = { recipient: input.recipient, thenStatusId: trigger.then_status_id };
  const none = (nothing: string, passedOver: ActionPlan['passedOver'] = []) => ({
    ...base,
    outputs: [],
    passedOver,
    channelUsed: null,
    nothing,
    thenStatusId: null,
    enrolInProgramId: null,
  });
  if (action.name === 'status_change_only') {
    return {
      ...base,
      outputs: [],
      passedOver: [],
      channelUsed: 'status_change',
      nothing: null,
      enrolInProgramId: null,
    };
  }
  if (action.isMessage && input.recipient === null) return none(input.noRecipient ?? 'no recipient');
  let enrolInProgramId: number | null = null;
  const referral = action.isMessage ? settings.referral : null;
  if (referral && input.recipient?.clientId != null) {
    const current = input.clientProgramId;
    if (current !== null && referral.when_enrolled === 'do_not_send') {
      return none('not sent: the client is already in a referral program (Referral Program Options)');
    }
    if (current === null || (referral.when_enrolled === 'switch' && current !== referral.program_id))
      enrolInProgramId = referral.program_id;
  }
  const outputs: PlannedOutput[] = [];
  const passedOver: { channel: Channel; reason: string }[] = [];
  for (const channel of action.channels) {
    if (action.use === 'first' && outputs.length > 0) break;
    const made = await planChannel(input, channel, settings);
    if ('reason' in made) passedOver.push({ channel, reason: made.reason });
    else outputs.push(made.output);
  }
  if (outputs.length === 0) {
    const why = passedOver.map((p) => `${p.channel}: ${p.reason}`).join('; ');
    return none(`nothing sent: no usable channel (${why})`, passedOver);
  }
  const sentMessage = outputs.some((o) => o.channel === 'email' || o.channel === 'sms');
  return {
    ...base,
    outputs,
    passedOver,
    channelUsed: outputs.map((o) => o.channel).join('+'),
    nothing: null,
    enrolInProgramId: sentMessage ? enrolInProgramId : null,
  };
}

type Made = { output: PlannedOutput } | { reason: string };

async function planChannel(input: PlanInput, channel: Channel, settings: Settings): Promise<Made> {
  const render = (source: string | null | undefined) => renderText(input, source);
  switch (channel) {
    case 'email':
    case 'sms': {
      const recipient = input.recipient as Recipient;
      const usable = usableAddress(recipient, channel, input.rules);
      if (!usable.ok) return { reason: usable.reason };
      return { output: await plannedMessage(input, channel, usable.address as string, settings) };
    }
    case 'phone_call': {
      const usable = input.client ? usableAddress(input.client, 'phone_call', input.rules) : null;
      if (usable && !usable.ok) return { reason: usable.reason };
      return {
        output: {
          channel,
          to: usable?.address ?? null,
          callTypeId: settings.call_type_id as number,
          subject: (await render(settings.subject)) ?? input.trigger.name,
          note: await render(settings.description),
          assignedUserId: settings.assigned_user_id ?? null,
          departmentId: settings.department_id ?? null,
          dueDate: input.today,
        },
      };
    }
    case 'letter': {
      if (!input.client) return { reason: 'the record has no client to write to' };
      const usable = usableAddress(input.client, 'letter', input.rules);
      if (!usable.ok) return { reason: usable.reason };
      const template = input.templates.get(settings.letter_template_id as number);
      return {
        output: {
          channel,
          to: usable.address as string,
          html: await render(template?.body_html),
          text: await render(template?.body_text),
          isMarketing: settings.transactional !== true,
        },
      };
    }
    case 'task': {
      const dueIn = settings.due_in_business_days ?? 0;
      return {
        output: {
          channel,
          values: {
            task_type_id: settings.task_type_id,
            subject: ((await render(settings.subject)) ?? input.trigger.name).slice(0, 200),
            description: await render(settings.description),
            assigned_user_id: settings.assigned_user_id ?? null,
            department_id: settings.department_id ?? null,
            start_date: input.today,
            due_date: addBusinessDays(input.today, dueIn, input.workWeek),
            ...recordLinks(input),
            production_order_id: input.basis === 'production_order' ? input.recordId : null,
          },
        },
      };
    }
    case 'web_form':
      return { output: await plannedWebForm(input, settings) };
    case 'status_change':
      return { reason: 'a status change is not a channel' };
  }
}

async function plannedMessage(
  input: PlanInput,
  channel: 'email' | 'sms',
  to: string,
  settings: Settings,
): Promise<PlannedMessage> {
  const action = input.trigger.action;
  const isMarketing = settings.transactional !== true;
  const purpose = action === 'nps_sms' ? 'nps' : action === 'sms_confirmation' ? 'confirmation' : 'message';
  if (channel === 'email') {
    const template = input.templates.get(settings.email_template_id as number);
    // Only marketing has an unsubscribe link: a confirmation or receipt is not something to opt out of.
    const unsubscribe = isMarketing ? input.unsubscribeUrl : null;
    const render = (source: string | null | undefined) => renderText(input, source, unsubscribe);
    const html = await render(template?.body_html);
    const text = await render(template?.body_text);
    return {
      channel,
      purpose,
      to,
      from: input.studio.sender_email,
      subject: await render(template?.subject),
      ...(unsubscribe ? withUnsubscribeLink(html, text, unsubscribe) : { html, text }),
      isMarketing,
      encoding: null,
      segments: null,
      attachments: await renderAttachments(settings.attachments ?? [], {
        studio: input.studio,
        basis: input.basis,
        data: input.data,
        now: input.now,
      }),
      unsubscribeUrl: unsubscribe,
    };
  }
  const source =
    action === 'sms_confirmation'
      ? settings.sms_text
      : input.templates.get(settings.sms_template_id as number)?.body_text;
  const text = (await renderText(input, source)) ?? '';
  const counted = smsSegments(text);
  return {
    channel,
    purpose,
    to,
    from: input.studio.sms_from_number,
    subject: null,
    html: null,
    text,
    isMarketing,
    encoding: counted.encoding,
    segments: counted.segments,
  };
}

/** A web form instance for the record's client; its link goes by email, else by SMS. */
async function plannedWebForm(input: PlanInput, settings: Settings): Promise<PlannedOutput> {
  let link: PlannedMessage | null = null;
  if (input.client) {
    for (const channel of ['email', 'sms'] as const) {
      const usable = usableAddress(input.client, channel, input.rules);
      if (!usable.ok) continue;
      link = linkMessage(input, channel, usable.address as string);
      break;
    }
  }
  return {
    channel: 'web_form',
    webFormTemplateId: settings.web_form_template_id as number,
    values: {
      web_form_template_id: settings.web_form_template_id,
      client_id: input.client?.clientId ?? null,
      ...recordLinks(input),
    },
    link,
  };
}

/** Links of a created task or web form to the record the trigger fired for and its session. */
function recordLinks(input: PlanInput): Record<string, number | null> {
  const record = (input.data[input.basis] ?? {}) as Record<string, unknown>;
  const id = (value: unknown) => (typeof value === 'number' ? value : null);
  return {
    client_id: input.client?.clientId ?? null,
    session_id: input.basis === 'session' ? input.recordId : id(record.session_id),
    invoice_id: input.basis === 'invoice' ? input.recordId : id(record.invoice_id),
  };
}

async function renderText(
  input: PlanInput,
  source: string | null | undefined,
  unsubscribeUrl: string | null = null,
): Promise<string | null> {
  if (source == null || source === '') return null;
  const links = {
    ...(input.data.links as object),
    web_form_url: input.webFormUrl,
    unsubscribe_url: unsubscribeUrl,
  };
  const data = { ...input.data, links };
  return renderTemplate(source, data as MergeData, {
    timeZone: input.studio.time_zone,
    country: input.studio.country,
  });
}
