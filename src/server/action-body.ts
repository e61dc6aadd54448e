import type { ProblemDetail } from '../domain/errors.js';

export const NOTE_MAX = 2000;

/** An optional staff note of a body: absent or null is no note; anything but short text is a problem. */
export function noteOf(body: Record<string, unknown>, problems: ProblemDetail[]): string | null {
  const note = body.note;
  if (note === undefined || note === null) return null;
  if (typeof note !== 'string' || note.length > NOTE_MAX) {
    problems.push({ path: 'note', problem: `must be text of at most ${NOTE_MAX} characters` });
    return null;
  }
  return note.trim() === '' ? null : note;
}

/** The fields of a body that the action does not know, each as a problem. */
export function unknownFieldProblems(
  body: Record<string, unknown>,
  known: readonly string[],
  what: string,
): ProblemDetail[] {
  return Object.keys(body)
    .filter((key) => !known.includes(key))
    .map((path) => ({ path, problem: `is not a field of ${what}` }));
}

/** A request body as an object; no body at all counts as an empty one. */
export function bodyObject(body: unknown, problems: ProblemDetail[]): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  problems.push({ path: '', problem: 'must be a JSON object' });
  return {};
}
