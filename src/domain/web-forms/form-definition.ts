import type { ProblemDetail } from '../errors.js';
import {
  FORM_FIELD_TYPES,
  resolveBinding,
  type FormBasis,
  type FormFieldType,
  type ResolvedBinding,
} from './form-bindings.js';

/**
 * The definition of a web form template (docs/inbound.md, "Web forms"): pages of fields, shown
 * one after another on one page (a public form needs no JavaScript, so there is no paging state).
 */
export interface FormDefinition {
  pages: FormPage[];
}

export interface FormPage {
  title: string | null;
  intro: string | null;
  fields: FormField[];
}

export interface FormField {
  /** The key of the answer and the input's name: lower-case letters, digits and underscores. */
  name: string;
  type: FormFieldType;
  label: string;
  required: boolean;
  help: string | null;
  choices: string[];
  maxLength: number;
  /** `client.first_name`, `session.notes`, …: prefilled from and written back to the record. */
  binding: string | null;
  bound: ResolvedBinding | null;
}

const LIMITS = { pages: 20, fields: 100, label: 200, help: 500, choices: 50, choice: 100 } as const;
/** Longest answer a field may take, and its default by type. */
const MAX_ANSWER = 10_000;
const DEFAULT_MAX: Record<FormFieldType, number> = {
  text: 200,
  long_text: 5000,
  email: 254,
  phone: 30,
  date: 10,
  choice: 100,
  checkbox: 3,
};
const NAME = /^[a-z][a-z0-9_]{0,49}$/;
const PAGE_KEYS = new Set(['title', 'intro', 'fields']);
const FIELD_KEYS = new Set(['name', 'type', 'label', 'required', 'help', 'choices', 'max_length', 'binding']);

type Problems = ProblemDetail[];

/**
 * Reads a stored or submitted definition and reports every problem with its path, e.g.
 * `definition.pages[0].fields[2].binding`. A contact-us form creates a client, so it must ask for
 * the client's first and last name (both required fields of a client).
 */
export function parseFormDefinition(
  raw: unknown,
  basis: FormBasis,
  prefix = 'definition',
): { definition: FormDefinition; problems: Problems } {
  const problems: Problems = [];
  const definition: FormDefinition = { pages: [] };
  if (!isObject(raw)) {
    problems.push({ path: prefix, problem: 'must be an object with a list of pages' });
    return { definition, problems };
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'pages')
      problems.push({ path: `${prefix}.${key}`, problem: 'is not part of a form definition' });
  }
  const pages = raw.pages;
  if (!Array.isArray(pages) || pages.length === 0 || pages.length > LIMITS.pages) {
    problems.push({ path: `${prefix}.pages`, problem: `must be a list of 1 to ${LIMITS.pages} pages` });
    return { definition, problems };
  }
  const names = new Set<string>();
  const bindings = new Map<string, FormField>();
  pages.forEach((page, p) => {
    const path = `${prefix}.pages[${p}]`;
    if (!isObject(page)) return problems.push({ path, problem: 'must be an object with a list of fields' });
    for (const key of Object.keys(page)) {
      if (!PAGE_KEYS.has(key)) problems.push({ path: `${path}.${key}`, problem: 'is not part of a page' });
    }
    const out: FormPage = {
      title: optionalText(page.title, `${path}.title`, LIMITS.label, problems),
      intro: optionalText(page.intro, `${path}.intro`, LIMITS.help, problems),
      fields: [],
    };
    definition.pages.push(out);
    if (!Array.isArray(page.fields) || page.fields.length === 0) {
      return problems.push({ path: `${path}.fields`, problem: 'must be a list of at least one field' });
    }
    page.fields.forEach((field, f) => {
      const parsed = parseField(field, `${path}.fields[${f}]`, basis, problems);
      if (!parsed) return;
      if (names.has(parsed.name)) {
        problems.push({
          path: `${path}.fields[${f}].name`,
          problem: `${parsed.name} is used by another field`,
        });
      }
      names.add(parsed.name);
      if (parsed.binding && bindings.has(parsed.binding)) {
        problems.push({
          path: `${path}.fields[${f}].binding`,
          problem: `${parsed.binding} is bound by another field`,
        });
      }
      if (parsed.binding) bindings.set(parsed.binding, parsed);
      out.fields.push(parsed);
    });
  });
  if (names.size > LIMITS.fields) {
    problems.push({ path: `${prefix}.pages`, problem: `must hold at most ${LIMITS.fields} fields in all` });
  }
  if (basis === 'contact_us') {
    for (const needed of ['client.first_name', 'client.last_name']) {
      if (!bindings.get(needed)?.required) {
        problems.push({
          path: `${prefix}.pages`,
          problem: `a contact-us form creates a client: it needs a required field bound to ${needed}`,
        });
      }
    }
  }
  return { definition, problems };
}

function parseField(raw: unknown, path: string, basis: FormBasis, problems: Problems): FormField | null {
  if (!isObject(raw)) {
    problems.push({ path, problem: 'must be an object' });
    return null;
  }
  const before = problems.length;
  for (const key of Object.keys(raw)) {
    if (!FIELD_KEYS.has(key)) problems.push({ path: `${path}.${key}`, problem: 'is not part of a field' });
  }
  const name = typeof raw.name === 'string' ? raw.name : '';
  if (!NAME.test(name)) {
    problems.push({
      path: `${path}.name`,
      problem: 'must be 1 to 50 lower-case letters, digits or underscores, starting with a letter',
    });
  }
  const type = raw.type as FormFieldType;
  if (!FORM_FIELD_TYPES.includes(type)) {
    problems.push({ path: `${path}.type`, problem: `must be one of: ${FORM_FIELD_TYPES.join(', ')}` });
  }
  const label = optionalText(raw.label, `${path}.label`, LIMITS.label, problems);
  if (label === null && !problems.some((p) => p.path === `${path}.label`)) {
    problems.push({ path: `${path}.label`, problem: 'is required' });
  }
  if (raw.required !== undefined && typeof raw.required !== 'boolean') {
    problems.push({ path: `${path}.required`, problem: 'must be true or false' });
  }
  const help = optionalText(raw.help, `${path}.help`, LIMITS.help, problems);
  const choices = parseChoices(raw.choices, type, `${path}.choices`, problems);
  let bound: ResolvedBinding | null = null;
  const binding = raw.binding ?? null;
  if (binding !== null) {
    if (typeof binding !== 'string') problems.push({ path: `${path}.binding`, problem: 'must be text' });
    else if (FORM_FIELD_TYPES.includes(type)) {
      const resolved = resolveBinding(basis, type, binding);
      if (resolved.ok) bound = resolved.binding;
      else problems.push({ path: `${path}.binding`, problem: resolved.problem });
    }
  }
  if (bound?.field.required && raw.required !== true) {
    problems.push({
      path: `${path}.required`,
      problem: `must be true: ${String(binding)} cannot be left empty on a ${bound.kind}`,
    });
  }
  const outside = bound?.field.choices ? choices.filter((c) => !bound.field.choices?.includes(c)) : [];
  if (outside.length > 0) {
    problems.push({
      path: `${path}.choices`,
      problem: `${outside.join(', ')} cannot be stored in ${String(binding)} (it takes ${bound?.field.choices?.join(', ')})`,
    });
  }
  const ceiling = Math.min(bound?.field.maxLength ?? MAX_ANSWER, MAX_ANSWER);
  let maxLength = Math.min(DEFAULT_MAX[type] ?? MAX_ANSWER, ceiling);
  if (raw.max_length !== undefined) {
    const wanted = raw.max_length;
    if (typeof wanted !== 'number' || !Number.isInteger(wanted) || wanted < 1 || wanted > ceiling) {
      problems.push({ path: `${path}.max_length`, problem: `must be a whole number from 1 to ${ceiling}` });
    } else maxLength = wanted;
  }
  if (problems.length > before) return null;
  return {
    name,
    type,
    label: label as string,
    required: raw.required === true,
    help,
    choices,
    maxLength,
    binding: binding as string | null,
    bound,
  };
}

function parseChoices(raw: unknown, type: FormFieldType, path: string, problems: Problems): string[] {
  if (type !== 'choice') {
    if (raw !== undefined) problems.push({ path, problem: 'applies to choice fields only' });
    return [];
  }
  const ok =
    Array.isArray(raw) &&
    raw.length > 0 &&
    raw.length <= LIMITS.choices &&
    raw.every((c) => typeof c === 'string' && c.trim() !== '' && c.length <= LIMITS.choice);
  if (!ok) {
    problems.push({
      path,
      problem: `must be a list of 1 to ${LIMITS.choices} choices, each 1 to ${LIMITS.choice} characters`,
    });
    return [];
  }
  const choices = raw as string[];
  if (new Set(choices).size !== choices.length) problems.push({ path, problem: 'must not repeat a choice' });
  return choices;
}

function optionalText(raw: unknown, path: string, max: number, problems: Problems): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string' || raw.length > max || raw.includes('\u0000')) {
    problems.push({ path, problem: `must be text of at most ${max} characters` });
    return null;
  }
  return raw.trim() === '' ? null : raw;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every field of a definition, page after page. */
export function formFields(definition: FormDefinition): FormField[] {
  return definition.pages.flatMap((page) => page.fields);
}
