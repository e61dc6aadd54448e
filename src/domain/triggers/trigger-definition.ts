import type { TimeFrame } from '../time-frame.js';
import type { AttachmentKind } from './attachment-kinds.js';
import type { TriggerOffset } from '../trigger-offset.js';
import type { ActionName } from './trigger-actions.js';
import type { TriggerTypeName } from './trigger-types.js';

/** Email events an Email Records trigger can start from (SPEC §3.1, §5). */
export const EMAIL_EVENTS = [
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'dropped',
  'unsubscribed',
  'spam_report',
] as const;
export type EmailEvent = (typeof EMAIL_EVENTS)[number];

/** Who an email or SMS goes to (SPEC §3.4 "Send To"). */
export type SendTo =
  | { readonly to: 'client' }
  | { readonly to: 'family_member'; readonly relationship_id: number }
  | { readonly to: 'staff' }
  | { readonly to: 'studio' };

/** Referral Program Options of email and SMS actions. */
export interface ReferralOption {
  readonly program_id: number;
  /** For clients already in a program: do not send, keep their program, or switch them. */
  readonly when_enrolled: 'do_not_send' | 'keep' | 'switch';
}

/**
 * The settings of an action. Which ones are required depends on the action: a template per
 * message channel, a call type for calls, a task type and subject for tasks, a form template for
 * web forms, the SMS text (written in the trigger) for confirmation messages.
 */
export interface ActionSettings {
  readonly email_template_id?: number | null;
  readonly sms_template_id?: number | null;
  readonly letter_template_id?: number | null;
  /** SMS Confirmation Message: its text is part of the trigger (reference product). */
  readonly sms_text?: string | null;
  readonly send_to?: SendTo;
  readonly referral?: ReferralOption | null;
  readonly call_type_id?: number | null;
  readonly task_type_id?: number | null;
  /** Task subject and description, and a call's note: templates of their own. */
  readonly subject?: string | null;
  readonly description?: string | null;
  readonly assigned_user_id?: number | null;
  readonly department_id?: number | null;
  readonly due_in_business_days?: number | null;
  readonly web_form_template_id?: number | null;
  /** Transactional messages (reminders, confirmations) may bypass email blocks when the studio allows. */
  readonly transactional?: boolean;
  /** Email actions: files made from the record and attached to the email (SPEC §6). */
  readonly attachments?: readonly AttachmentKind[] | null;
}

/** Exclusion switches and their parameters. */
export interface TriggerExclusions {
  readonly date_is_past?: boolean;
  readonly allow_marketing?: boolean;
  readonly on_hold?: boolean;
  readonly confirmed?: boolean;
  readonly canceled?: boolean;
  readonly nps_recorded?: boolean;
  readonly nps_range?: { readonly min: number; readonly max: number } | null;
  readonly nps_comment_required?: boolean;
  readonly include_fully_redeemed?: boolean;
}

/** A trigger as the API reads and writes it (SPEC §3). */
export interface TriggerDefinition {
  readonly name: string;
  readonly trigger_type: TriggerTypeName;
  readonly filter_status_id: number | null;
  readonly filter_type_id: number | null;
  /** Email Records triggers: the event. */
  readonly email_event: EmailEvent | null;
  /** Incoming Keyword triggers: the first word of the reply, matched case-insensitively. */
  readonly keyword: string | null;
  readonly date_option: string;
  readonly offset: TriggerOffset;
  readonly exclusions: TriggerExclusions;
  readonly action: ActionName;
  readonly action_settings: ActionSettings;
  /** Set the record to this status after the action runs (required for status_change_only). */
  readonly then_status_id: number | null;
  readonly processing: 'manual' | 'automatic';
  readonly time_frame: TimeFrame;
  readonly is_active: boolean;
}
