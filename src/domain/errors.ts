/**
 * The catalogue of coded errors. Every failure a caller can see carries one of these codes, an HTTP
 * status, a sentence, and details that name the field path and the problem.
 */
export const ERROR_STATUS = {
  ERR_VALIDATION: 400,
  ERR_UNAUTHENTICATED: 401,
  ERR_FORBIDDEN: 403,
  ERR_CSRF: 403,
  ERR_NOT_FOUND: 404,
  ERR_CONFLICT: 409,
  ERR_RATE_LIMITED: 429,
  ERR_INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ProblemDetail {
  /** Dotted path of the field, e.g. `phones.0.number`; empty for the request as a whole. */
  path: string;
  problem: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ProblemDetail[];
  /** For ERR_RATE_LIMITED: when the caller may try again (the Retry-After header). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details: ProblemDetail[] = [],
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function validationError(details: ProblemDetail[], message = 'The input is not valid'): AppError {
  const first = details[0];
  const summary = details.length === 1 && first ? `${message}: ${first.path} ${first.problem}` : message;
  return new AppError('ERR_VALIDATION', summary, details);
}

export function notFound(what: string, id: unknown): AppError {
  return new AppError('ERR_NOT_FOUND', `${what} ${String(id)} was not found`);
}

export function conflict(message: string, details: ProblemDetail[] = []): AppError {
  return new AppError('ERR_CONFLICT', message, details);
}

export function rateLimited(message: string, retryAfterSeconds: number): AppError {
  return new AppError(
    'ERR_RATE_LIMITED',
    message,
    [{ path: '', problem: `try again in ${retryAfterSeconds} seconds` }],
    { retryAfterSeconds },
  );
}
