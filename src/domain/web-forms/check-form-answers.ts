import { normalizeEmail } from '../email-address.js';
import { isIsoDate } from '../local-date.js';
import { normalizePhone } from '../phone-number.js';
import type { FormField } from './form-definition.js';

/** An answer as stored: text (normalised: trimmed, email lower-cased domain, phone E.164) or a tick. */
export type Answer = string | boolean | null;

export interface CheckedAnswers {
  /** Every field's answer, by field name. */
  answers: Record<string, Answer>;
  /** What the person typed, by field name, to show again next to an error. */
  typed: Record<string, string>;
  /** Problems by field name, in the order of the form. */
  problems: Map<string, string>;
}

/** What a checkbox posts when ticked (the page renders value="yes"). */
export const CHECKED = 'yes';

/**
 * Checks a posted form (name -> value; a repeated name gives a list) against its fields: required,
 * length, email, phone in the studio's country, date, choice membership, and characters a text
 * cannot hold. Names the form does not have are ignored: a browser sends its submit button too.
 */
export function checkFormAnswers(
  fields: readonly FormField[],
  body: Record<string, unknown>,
  country: string,
): CheckedAnswers {
  const answers: Record<string, Answer> = {};
  const typed: Record<string, string> = {};
  const problems = new Map<string, string>();
  for (const field of fields) {
    const raw = body[field.name];
    if (raw !== undefined && typeof raw !== 'string') {
      problems.set(field.name, 'must be given once');
      continue;
    }
    const text = raw ?? '';
    typed[field.name] = text;
    const result = checkOne(field, text, country);
    if ('problem' in result) problems.set(field.name, result.problem);
    else answers[field.name] = result.value;
  }
  return { answers, typed, problems };
}

function checkOne(field: FormField, raw: string, country: string): { value: Answer } | { problem: string } {
  if (field.type === 'checkbox') {
    const ticked = raw === CHECKED;
    if (raw !== '' && !ticked) return { problem: 'must be ticked or left empty' };
    if (field.required && !ticked) return { problem: 'must be ticked' };
    return { value: ticked };
  }
  // eslint-disable-next-line no-control-regex -- control characters are what it rejects
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(raw)) {
    return { problem: 'contains characters that cannot be stored (control characters)' };
  }
  // Browsers send line breaks as CR LF; keep one kind.
  const text = field.type === 'long_text' ? raw.replace(/\r\n?/g, '\n') : raw.trim();
  if (text.trim() === '') return field.required ? { problem: 'is required' } : { value: null };
  if (text.length > field.maxLength) return { problem: `must be at most ${field.maxLength} characters` };
  switch (field.type) {
    case 'email': {
      const email = normalizeEmail(text);
      return email ? { value: email } : { problem: 'is not a valid email address, e.g. name@example.com' };
    }
    case 'phone': {
      const phone = normalizePhone(text, country);
      return phone.ok ? { value: phone.e164 } : { problem: phone.problem };
    }
    case 'date':
      return isIsoDate(text) ? { value: text } : { problem: 'must be a date written YYYY-MM-DD' };
    case 'choice':
      return field.choices.includes(text) ? { value: text } : { problem: 'must be one of the choices given' };
    default:
      return { value: text };
  }
}
