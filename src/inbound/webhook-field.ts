import type { ProblemDetail } from '../domain/errors.js';

/**
 * One text parameter of a provider webhook, checked: given once, at most `max` characters, without
 * NUL characters or broken UTF-16 (PostgreSQL refuses both, and no real message holds them). Pushes
 * a problem naming the field and returns null when it is not usable.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function webhookField(
  params: Readonly<Record<string, string | readonly string[]>>,
  name: string,
  problems: ProblemDetail[],
  options: {
    readonly required?: boolean;
    readonly max?: number;
    readonly pattern?: RegExp;
    readonly what?: string;
  } = {},
): string | null {
  const value = params[name];
  if (value === undefined || value === '') {
    if (options.required) problems.push({ path: name, problem: 'is required' });
    return null;
  }
  if (typeof value !== 'string') {
    problems.push({ path: name, problem: 'must be given once' });
    return null;
  }
  const max = options.max ?? 100;
  if (value.length > max) problems.push({ path: name, problem: `must be at most ${max} characters` });
  else if (value.includes('\u0000'))
    problems.push({ path: name, problem: 'must not contain NUL characters' });
  else if (LONE_SURROGATE.test(value)) problems.push({ path: name, problem: 'is not valid UTF-8 text' });
  else if (options.pattern && !options.pattern.test(value))
    problems.push({ path: name, problem: `must be ${options.what ?? 'valid'}` });
  else return value;
  return null;
}
