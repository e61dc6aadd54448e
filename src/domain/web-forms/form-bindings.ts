import { fieldOf, recordKind, type FieldDef, type FieldType } from '../record-kinds/index.js';

/** The kinds a web form field may write to, and the template bases that reach each of them. */
export type BoundKind = 'client' | 'session' | 'invoice';
export type FormBasis = 'client' | 'session' | 'invoice' | 'contact_us';

export const FORM_FIELD_TYPES = [
  'text',
  'email',
  'phone',
  'date',
  'choice',
  'checkbox',
  'long_text',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/**
 * Which record kinds a basis reaches: every form has a client (a contact-us form creates one), a
 * session form its session, an invoice form its invoice.
 */
const REACHABLE: Record<FormBasis, readonly BoundKind[]> = {
  client: ['client'],
  session: ['session', 'client'],
  invoice: ['invoice', 'client'],
  contact_us: ['client'],
};

/**
 * A client's email addresses and phone numbers are lists, not fields. A form binds the one a studio
 * means when it asks "your email": the primary address (else the first), and the first number.
 */
export const VIRTUAL_CLIENT_FIELDS: Record<string, FieldDef> = {
  email: { name: 'email', type: 'email', label: 'Email' },
  phone: { name: 'phone', type: 'phone', label: 'Phone', maxLength: 30 },
};

/** Record field types a form field type may write to (a date input cannot fill a number). */
const COMPATIBLE: Record<FormFieldType, readonly FieldType[]> = {
  text: ['text', 'long_text'],
  long_text: ['long_text', 'text'],
  email: ['email'],
  phone: ['phone'],
  date: ['date'],
  choice: ['choice', 'text'],
  checkbox: ['bool'],
};

export interface ResolvedBinding {
  kind: BoundKind;
  field: FieldDef;
  /** `email` or `phone` of a client: written to its lists. */
  virtual: boolean;
}

export type BindingResult = { ok: true; binding: ResolvedBinding } | { ok: false; problem: string };

/**
 * Resolves `kind.field` for a form of this basis and field type, with the reason when it may not be
 * bound: unknown kind or field, a kind the basis does not reach, a field Triggerfish sets itself
 * (status, ids, generated values, custom JSON) or a type the form field cannot fill.
 */
export function resolveBinding(basis: FormBasis, type: FormFieldType, binding: string): BindingResult {
  const match = /^([a-z_]+)\.([a-z0-9_]+)$/.exec(binding);
  if (!match) return { ok: false, problem: 'must be written record.field, e.g. client.first_name' };
  const [, kindName, fieldName] = match as unknown as [string, string, string];
  const reachable = REACHABLE[basis];
  if (!(reachable as readonly string[]).includes(kindName)) {
    return { ok: false, problem: `must name a field of ${reachable.join(' or ')} for a ${basis} form` };
  }
  const kind = kindName as BoundKind;
  const virtual = kind === 'client' ? VIRTUAL_CLIENT_FIELDS[fieldName] : undefined;
  const field = virtual ?? fieldOf(recordKind(kind), fieldName);
  if (!field) return { ok: false, problem: `${fieldName} is not a field of ${kind}` };
  if (field.readOnly || field.immutable || field.generated || field.type === 'ref' || field.type === 'json') {
    return { ok: false, problem: `${binding} cannot be written by a web form` };
  }
  if (!COMPATIBLE[type].includes(field.type)) {
    return {
      ok: false,
      problem: `${binding} holds ${field.type.replace('_', ' ')} values, not ${type.replace('_', ' ')}`,
    };
  }
  return { ok: true, binding: { kind, field, virtual: virtual !== undefined } };
}
