import { validationError, type ProblemDetail } from '../domain/errors.js';
import { normalizePhone } from '../domain/phone-number.js';
import { webhookField } from './webhook-field.js';

export interface InboundSmsParams {
  readonly messageSid: string;
  /** The sender (E.164). */
  readonly from: string;
  /** The number it was sent to (E.164). */
  readonly to: string;
  readonly body: string;
}

/** Twilio's ids: two letters and 32 hex digits (SM…, MM…); other providers' ids are kept as long as they are plain. */
const SID = /^[A-Za-z0-9_-]{2,64}$/;

/**
 * The parts of Twilio's "a message comes in" request that Triggerfish uses, checked: every problem
 * at once, naming Twilio's parameter. Numbers are read as E.164 (Twilio always sends them so); a
 * body may be empty (a picture alone), but the parameter must be there.
 */
export function inboundSmsParams(
  params: Readonly<Record<string, string | readonly string[]>>,
): InboundSmsParams {
  const problems: ProblemDetail[] = [];
  const messageSid = webhookField(params, 'MessageSid', problems, {
    required: true,
    max: 64,
    pattern: SID,
    what: 'a message id of letters and digits',
  });
  const number = (name: 'From' | 'To'): string | null => {
    const raw = webhookField(params, name, problems, { required: true, max: 30 });
    if (raw === null) return null;
    const phone = normalizePhone(raw, 'US');
    if (!phone.ok || !raw.trim().startsWith('+')) {
      problems.push({ path: name, problem: 'must be a phone number in E.164 form, like +12025550143' });
      return null;
    }
    return phone.e164;
  };
  const from = number('From');
  const to = number('To');
  if (params.Body === undefined) problems.push({ path: 'Body', problem: 'is required (it may be empty)' });
  const body = webhookField(params, 'Body', problems, { max: 2000 }) ?? '';
  if (problems.length > 0 || messageSid === null || from === null || to === null) {
    throw validationError(problems, 'The inbound SMS request is not valid');
  }
  return { messageSid, from, to, body };
}
