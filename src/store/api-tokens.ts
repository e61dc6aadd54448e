import type { Clock } from '../domain/clock.js';
import { notFound, validationError } from '../domain/errors.js';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from '../domain/secret-tokens.js';
import type { Db } from './database.js';
import type { Role } from './schema.js';
import { ROLES } from './users.js';

export interface CreatedToken {
  id: number;
  name: string;
  role: Role;
  prefix: string;
  /** The secret itself: shown once, never stored. */
  token: string;
}

/**
 * Creates an API token for an integration: bound to one studio, acting as one user, with a role no
 * higher than that user's in the studio. Only its hash is kept.
 */
export async function createApiToken(
  db: Db,
  clock: Clock,
  studioId: number,
  userId: number,
  name: string,
  role: Role,
): Promise<CreatedToken> {
  const problems = [];
  if (name.trim() === '' || name.length > 100)
    problems.push({ path: 'name', problem: 'is required (at most 100 characters)' });
  if (!ROLES.includes(role)) problems.push({ path: 'role', problem: `must be one of: ${ROLES.join(', ')}` });
  const member = await db
    .selectFrom('memberships')
    .select('role')
    .where('studio_id', '=', studioId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!member) throw notFound('Member of studio', userId);
  if (ROLES.indexOf(role) < ROLES.indexOf(member.role)) {
    problems.push({ path: 'role', problem: `cannot exceed the user's own role (${member.role})` });
  }
  if (problems.length > 0) throw validationError(problems, 'The API token is not valid');
  const token = newSecret(API_TOKEN_PREFIX);
  const prefix = token.slice(0, API_TOKEN_PREFIX.length + 7);
  const row = await db
    .insertInto('api_tokens')
    .values({
      studio_id: studioId,
      user_id: userId,
      name: name.trim(),
      token_hash: hashSecret(token),
      prefix,
      role,
      created_at: clock.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name: name.trim(), role, prefix, token };
}
