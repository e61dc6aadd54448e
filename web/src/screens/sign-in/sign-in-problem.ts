import type { ApiError } from '../../api/api-error';

/**
 * What to tell someone whose sign-in failed, in their words rather than the API's: the server's
 * message where it is already plain (a wrong password, too many tries), a sentence for the rest.
 */
export function signInProblem(error: ApiError): string | null {
  switch (error.code) {
    case 'ERR_VALIDATION':
      return error.formMessage() === null ? null : 'Check the fields below.';
    case 'ERR_UNAUTHENTICATED':
    case 'ERR_RATE_LIMITED':
      return error.message;
    case 'ERR_NETWORK':
      return error.message;
    default:
      return `Signing in did not work (${error.message}). Try again in a moment.`;
  }
}
