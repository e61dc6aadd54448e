import type { Selectable } from 'kysely';
import type { Clock } from '../domain/clock.js';
import { AppError, notFound, validationError, type ProblemDetail } from '../domain/errors.js';
import { isRole, roleAtLeast, ROLES, type Role } from '../domain/roles.js';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from '../domain/secret-tokens.js';
import type { Db } from './database.js';
import type { ApiTokenTable } from './schema.js';

/** A token as the API lists it: never its secret or hash. */
export interface ApiTokenJson {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  user_id: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CreatedToken extends ApiTokenJson {
  /** The secret itself: shown once, never stored. */
  token: string;
}

function tokenJson(row: Omit<Selectable<ApiTokenTable>, 'token_hash' | 'studio_id'>): ApiTokenJson {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    user_id: row.user_id,
    created_at: row.created_at,
    last_used_at: row.last_used_at,
    revoked_at: row.revoked_at,
  };
}

const LISTED = [
  'id',
  'name',
  'prefix',
  'role',
  'user_id',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

/** What is wrong with a token's name and role by themselves. */
export function apiTokenInputProblems(name: unknown, role: unknown): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const cleanName = typeof name === 'string' ? name.trim() : '';
  if (cleanName === '' || cleanName.length > 100)
    problems.push({ path: 'name', problem: 'is required (at most 100 characters)' });
  if (!isRole(role)) problems.push({ path: 'role', problem: `must be one of: ${ROLES.join(', ')}` });
  return problems;
}

/**
 * Creates an API token for an integration: bound to one studio, acting as one user, with a role no
 * higher than that user's in the studio, nor than `ceiling` (the role of whoever creates it, which
 * for a token-authenticated caller may be lower than their membership). Only its hash is kept.
 */
export async function createApiToken(
  db: Db,
  clock: Clock,
  studioId: number,
  userId: number,
  name: unknown,
  role: unknown = 'staff',
  ceiling: Role = 'owner',
): Promise<CreatedToken> {
  const problems = apiTokenInputProblems(name, role);
  const cleanName = typeof name === 'string' ? name.trim() : '';
  const member = await db
    .selectFrom('memberships')
    .select('role')
    .where('studio_id', '=', studioId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!member) throw new AppError('ERR_NOT_FOUND', `User ${userId} is not a member of studio ${studioId}`);
  if (isRole(role)) {
    if (!roleAtLeast(member.role, role))
      problems.push({ path: 'role', problem: `cannot exceed the user's own role (${member.role})` });
    else if (!roleAtLeast(ceiling, role))
      problems.push({ path: 'role', problem: `cannot exceed your own role (${ceiling})` });
  }
  if (problems.length > 0) throw validationError(problems, 'The API token is not valid');
  const token = newSecret(API_TOKEN_PREFIX);
  const row = await db
    .insertInto('api_tokens')
    .values({
      studio_id: studioId,
      user_id: userId,
      name: cleanName,
      token_hash: hashSecret(token),
      // Enough to recognise a token in a list or a log line, far too little to guess the rest.
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 7),
      role: role as Role,
      created_at: clock.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .returning(LISTED)
    .executeTakeFirstOrThrow();
  return { ...tokenJson(row), token };
}

/** The studio's tokens, newest first, revoked ones included (with `revoked_at`). */
export async function listApiTokens(db: Db, studioId: number): Promise<ApiTokenJson[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(LISTED)
    .where('studio_id', '=', studioId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(tokenJson);
}

/**
 * Revokes a token of the studio; it answers 401 from then on. The row stays, so the list can still
 * say which integration it was and when it stopped. Revoking twice keeps the first time.
 */
export async function revokeApiToken(db: Db, clock: Clock, studioId: number, id: number): Promise<void> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'revoked_at'])
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('API token', id);
  if (row.revoked_at !== null) return;
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: clock.now().toISOString() })
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .execute();
}

/** Revokes every token a user holds in a studio, when they leave it. */
export async function revokeApiTokensOf(
  db: Db,
  clock: Clock,
  studioId: number,
  userId: number,
): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: clock.now().toISOString() })
    .where('studio_id', '=', studioId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
