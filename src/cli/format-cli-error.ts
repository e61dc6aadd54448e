import { AppError } from '../domain/errors.js';

/**
 * How a failed command reports itself on stderr: an expected failure (bad input, a missing
 * record) as its message and one line per problem; anything else with its stack, since it is a bug
 * or a broken environment that someone will have to look into.
 */
export function formatCliError(error: unknown): string {
  if (error instanceof AppError) {
    return [error.message, ...error.details.map((d) => `  ${d.path || '(input)'}: ${d.problem}`)].join('\n');
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
