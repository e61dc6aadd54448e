import type { AttachmentFile } from '../store/communication-attachments.js';
import type { Recipient } from '../domain/recipient.js';
import type { Channel } from '../domain/triggers/trigger-actions.js';

/** A message processing will write to the outbox, with its final rendered content. */
export interface PlannedMessage {
  readonly channel: 'email' | 'sms';
  readonly purpose: 'message' | 'nps' | 'confirmation' | 'web_form_link';
  readonly to: string;
  readonly from: string | null;
  readonly subject: string | null;
  readonly html: string | null;
  readonly text: string | null;
  readonly isMarketing: boolean;
  /** SMS only. */
  readonly encoding: string | null;
  readonly segments: number | null;
  /** Email only: files made from the record, already rendered (none when absent). */
  readonly attachments?: readonly AttachmentFile[];
  /** Marketing email: its unsubscribe link, with the token put in when the email is written. */
  readonly unsubscribeUrl?: string | null;
}

export interface PlannedCall {
  readonly channel: 'phone_call';
  readonly to: string | null;
  readonly callTypeId: number;
  readonly subject: string;
  readonly note: string | null;
  readonly assignedUserId: number | null;
  readonly departmentId: number | null;
  readonly dueDate: string;
}

export interface PlannedLetter {
  readonly channel: 'letter';
  readonly to: string;
  readonly html: string | null;
  readonly text: string | null;
  readonly isMarketing: boolean;
}

export interface PlannedTask {
  readonly channel: 'task';
  readonly values: Readonly<Record<string, unknown>>;
}

export interface PlannedWebForm {
  readonly channel: 'web_form';
  readonly webFormTemplateId: number;
  readonly values: Readonly<Record<string, unknown>>;
  /** The link's message, or null when the client has no usable email or SMS number. */
  readonly link: PlannedMessage | null;
}

export type PlannedOutput = PlannedMessage | PlannedCall | PlannedLetter | PlannedTask | PlannedWebForm;

/**
 * What processing an item will create (SPEC §3.4), worked out before anything is written: the
 * queue's preview and the processing transaction read the same plan. `passedOver` says which
 * channels of a fallback were not usable and why; `nothing` says why nothing is created at all.
 */
export interface ActionPlan {
  readonly recipient: Recipient | null;
  readonly outputs: readonly PlannedOutput[];
  readonly passedOver: readonly { readonly channel: Channel; readonly reason: string }[];
  readonly channelUsed: string | null;
  readonly nothing: string | null;
  readonly thenStatusId: number | null;
  /** Enrol the recipient client in this referral program when the message is sent. */
  readonly enrolInProgramId: number | null;
}
