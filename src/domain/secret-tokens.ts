import { createHash, randomBytes } from 'node:crypto';

/**
 * Session ids and API tokens are random 256-bit secrets. Only their SHA-256 is stored, so a copy of
 * the database does not let anyone sign in; a fast hash is enough because the secrets are random.
 */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export const API_TOKEN_PREFIX = 'tfk';
export const SESSION_PREFIX = 'tfs';
export const SESSION_COOKIE = 'tf_session';
export const CSRF_HEADER = 'x-csrf-token';
