import type { ProblemDetail } from '../errors.js';
import type { RecordKindName } from '../record-kinds/index.js';
import type { TriggerTypeDef } from './trigger-types.js';

/**
 * What an email action may attach (SPEC §6): a session confirmation or the invoice as PDF, and an
 * `.ics` calendar entry for the session or appointment. Each needs the record it is made from, so
 * it fits only the trigger types whose records are of those kinds.
 */
export const ATTACHMENT_KINDS = ['session_confirmation_pdf', 'invoice_pdf', 'ics_invitation'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_RECORD_KINDS: Record<AttachmentKind, readonly RecordKindName[]> = {
  session_confirmation_pdf: ['session'],
  invoice_pdf: ['invoice'],
  ics_invitation: ['session', 'appointment'],
};

const BASIS_WORDS: Record<AttachmentKind, string> = {
  session_confirmation_pdf: 'session',
  invoice_pdf: 'invoice',
  ics_invitation: 'session and appointment',
};

/**
 * Checks the `attachments` setting: a list of distinct attachment kinds, each fitting the trigger
 * type's record (when the type is known). Returns the list in stored form with every problem.
 */
export function attachmentsProblems(
  value: unknown,
  type: TriggerTypeDef | null,
  path: string,
): { attachments: AttachmentKind[]; problems: ProblemDetail[] } {
  if (!Array.isArray(value)) {
    return {
      attachments: [],
      problems: [{ path, problem: `must be a list of: ${ATTACHMENT_KINDS.join(', ')}` }],
    };
  }
  const problems: ProblemDetail[] = [];
  const attachments: AttachmentKind[] = [];
  value.forEach((entry: unknown, i) => {
    const at = `${path}.${i}`;
    if (!ATTACHMENT_KINDS.includes(entry as AttachmentKind)) {
      problems.push({ path: at, problem: `must be one of: ${ATTACHMENT_KINDS.join(', ')}` });
      return;
    }
    const kind = entry as AttachmentKind;
    if (attachments.includes(kind)) {
      problems.push({ path: at, problem: `${kind} is listed twice` });
    } else if (type && !ATTACHMENT_RECORD_KINDS[kind].includes(type.recordKind)) {
      problems.push({
        path: at,
        problem: `${kind} fits ${BASIS_WORDS[kind]} triggers only, not ${type.label} triggers`,
      });
    } else attachments.push(kind);
  });
  return { attachments, problems };
}
