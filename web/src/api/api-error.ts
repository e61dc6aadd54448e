/** One problem of a request, as the server names it: the field's path and what is wrong with it. */
export interface ProblemDetail {
  readonly path: string;
  readonly problem: string;
}

/**
 * An answer of the API that was not a success, in the house error shape
 * `{code, message, details[{path, problem}]}`. A network failure or an answer that is not the house
 * shape becomes one too (code ERR_NETWORK or ERR_UNEXPECTED), so screens handle one kind of error.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ProblemDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * The problems by form field, for a form to show under its inputs: "body.email" and "email" both
   * land on `email`; several problems of one field are joined. Problems of no field are left out
   * (see `formMessage`).
   */
  fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const { path, problem } of this.details) {
      const field = path.replace(/^(body|querystring|params)(\.|$)/, '');
      if (!field) continue;
      fields[field] = fields[field] ? `${fields[field]}; ${problem}` : problem;
    }
    return fields;
  }

  /** What to say above the form: the message, unless every problem already sits on a field. */
  formMessage(): string | null {
    const unplaced = this.details.filter((d) => !d.path.replace(/^(body|querystring|params)(\.|$)/, ''));
    if (this.details.length > 0 && unplaced.length === 0) return null;
    return this.message;
  }
}

/** Reads an error answer; anything but the house shape is described plainly instead. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isHouseError(body)) return new ApiError(response.status, body.code, body.message, body.details ?? []);
  return new ApiError(
    response.status,
    'ERR_UNEXPECTED',
    `The server answered ${response.status} ${response.statusText}`.trim(),
  );
}

function isHouseError(body: unknown): body is { code: string; message: string; details?: ProblemDetail[] } {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message, details } = body as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    (details === undefined || Array.isArray(details))
  );
}

/** Any failure of a form's request, split into problems by field and the message above the form. */
export function formProblemsOf(failure: unknown): { fields: Record<string, string>; message: string | null } {
  if (failure instanceof ApiError) return { fields: failure.fieldErrors(), message: failure.formMessage() };
  return { fields: {}, message: failure instanceof Error ? failure.message : String(failure) };
}
