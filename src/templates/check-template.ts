/**
 * What a template must be before it is stored (SPEC §3.4, §7): every problem at once, each with
 * the field it is about. Shape first (`readTemplateInput`: types and lengths of what was sent),
 * then the rules of the whole template (`templateProblems`: what each channel needs, and every
 * part linted against the basis's merge fields), so that a partial update is checked as the
 * template it would leave behind, not just as the fields it sends.
 */
import type { ProblemDetail } from '../domain/errors.js';
import type { TemplateValues } from '../store/templates.js';
import { lintTemplate } from './lint-template.js';
import { TEMPLATE_PARSE_LIMIT } from './liquid-engine.js';
import { partialTagProblems } from './partial-tag-problems.js';
import { TEMPLATE_BASES, type TemplateBasis } from './merge-fields.js';

export const TEMPLATE_CHANNELS = ['email', 'sms', 'letter'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export const TEMPLATE_PARTS = ['subject', 'body_html', 'body_text'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

export const MAX_TEMPLATE_NAME = 100;
/** Longer subjects are cut or folded by mail clients; a rendered subject is rarely over 100. */
export const MAX_SUBJECT = 500;
/** Ten concatenated parts: providers (Twilio among them) refuse longer texts. */
export const MAX_SMS_BODY = 1600;

const FIELDS = ['name', 'channel', 'basis', ...TEMPLATE_PARTS, 'is_inactive'] as const;

export type TemplateInput = Partial<TemplateValues>;

export function isTemplateBasis(value: unknown): value is TemplateBasis {
  return (TEMPLATE_BASES as readonly unknown[]).includes(value);
}

export function isTemplateChannel(value: unknown): value is TemplateChannel {
  return (TEMPLATE_CHANNELS as readonly unknown[]).includes(value);
}

/**
 * The fields of a create or update body in stored form, and the problems of their shape. Fields
 * outside `allowed` are problems too (a preview body has no name).
 */
export function readTemplateInput(
  input: unknown,
  mode: 'create' | 'update',
  allowed: readonly string[] = FIELDS,
): { values: TemplateInput; problems: ProblemDetail[] } {
  const problems: ProblemDetail[] = [];
  const values: TemplateInput = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { values, problems: [{ path: '', problem: 'must be a JSON object' }] };
  }
  const body = input as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) problems.push({ path: key, problem: 'is not a template field' });
  }
  const has = (key: string) => allowed.includes(key) && body[key] !== undefined;
  if (has('name')) {
    const name = body.name;
    if (typeof name !== 'string' || name.trim() === '')
      problems.push({ path: 'name', problem: 'is required' });
    else if (name.trim().length > MAX_TEMPLATE_NAME)
      problems.push({ path: 'name', problem: `must be at most ${MAX_TEMPLATE_NAME} characters` });
    else values.name = name.trim();
  } else if (mode === 'create' && allowed.includes('name'))
    problems.push({ path: 'name', problem: 'is required' });
  if (has('channel')) {
    if (isTemplateChannel(body.channel)) values.channel = body.channel;
    else problems.push({ path: 'channel', problem: `must be one of ${TEMPLATE_CHANNELS.join(', ')}` });
  } else if (mode === 'create') problems.push({ path: 'channel', problem: 'is required' });
  if (has('basis')) {
    if (isTemplateBasis(body.basis)) values.basis = body.basis;
    else problems.push({ path: 'basis', problem: `must be one of ${TEMPLATE_BASES.join(', ')}` });
  } else if (mode === 'create') problems.push({ path: 'basis', problem: 'is required' });
  for (const part of TEMPLATE_PARTS) {
    if (!has(part)) continue;
    const value = body[part];
    const max = part === 'subject' ? MAX_SUBJECT : TEMPLATE_PARSE_LIMIT;
    if (value === null || value === '') values[part] = null;
    else if (typeof value !== 'string') problems.push({ path: part, problem: 'must be text or null' });
    else if (value.length > max) problems.push({ path: part, problem: `must be at most ${max} characters` });
    else values[part] = value;
  }
  if (has('is_inactive')) {
    if (typeof body.is_inactive === 'boolean') values.is_inactive = body.is_inactive ? 1 : 0;
    else problems.push({ path: 'is_inactive', problem: 'must be true or false' });
  }
  return { values, problems };
}

/**
 * The rules of a whole template: the parts its channel needs and refuses, and each part linted
 * for its basis. Letters print from `body_html` when it is set, else from `body_text`, so either
 * will do; they have no subject.
 */
export function templateProblems(template: TemplateInput): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const present = (part: TemplatePart) => typeof template[part] === 'string';
  const need = (part: TemplatePart, why: string) => {
    if (!present(part)) problems.push({ path: part, problem: `is required ${why}` });
  };
  const refuse = (part: TemplatePart, why: string) => {
    if (present(part)) problems.push({ path: part, problem: `must be empty ${why}` });
  };
  switch (template.channel) {
    case 'email':
      need('subject', 'for an email');
      if (!present('body_html') && !present('body_text'))
        problems.push({ path: 'body_text', problem: 'or body_html is required for an email' });
      break;
    case 'sms':
      need('body_text', 'for an SMS');
      refuse('subject', 'for an SMS (texts have no subject)');
      refuse('body_html', 'for an SMS (texts are plain text)');
      if ((template.body_text?.length ?? 0) > MAX_SMS_BODY)
        problems.push({
          path: 'body_text',
          problem: `must be at most ${MAX_SMS_BODY} characters for an SMS`,
        });
      break;
    case 'letter':
      refuse('subject', 'for a letter');
      if (!present('body_html') && !present('body_text'))
        problems.push({ path: 'body_text', problem: 'or body_html is required for a letter' });
      break;
  }
  if (isTemplateBasis(template.basis)) problems.push(...lintParts(template, template.basis));
  return problems;
}

/** Every part's lint problems, with the position in the words so that an editor can show it. */
export function lintParts(template: TemplateInput, basis: TemplateBasis): ProblemDetail[] {
  return TEMPLATE_PARTS.flatMap((part) => {
    const source = template[part];
    if (typeof source !== 'string') return [];
    const found = [...lintTemplate(source, basis, part), ...partialTagProblems(source, part)];
    return found.map((p) => ({
      path: p.path,
      problem: `${p.problem} at line ${p.line}, column ${p.column}`,
    }));
  });
}
