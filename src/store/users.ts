import type { Selectable } from 'kysely';
import type { Clock } from '../domain/clock.js';
import { normalizeEmail } from '../domain/email-address.js';
import { conflict, validationError, type ProblemDetail } from '../domain/errors.js';
import { hashPassword, passwordProblem } from '../domain/password-hash.js';
import { normalizePhone } from '../domain/phone-number.js';
import { isRole, ROLES, type Role } from '../domain/roles.js';
import type { Db } from './database.js';
import type { UserTable } from './schema.js';
import { constraintKind } from './sql-errors.js';

export { ROLES };

export type UserRow = Selectable<UserTable>;

export interface NewUser {
  email: unknown;
  name: unknown;
  mobile?: unknown;
  password?: unknown;
}

export interface CheckedUser {
  email?: string;
  name?: string;
  mobile?: string | null;
  password?: string;
}

/** The form every stored address takes, so that look-ups by email are exact. */
export function userEmail(raw: string): string | null {
  return normalizeEmail(raw)?.toLowerCase() ?? null;
}

/**
 * Checks the fields of a user that are given (all of email and name when creating) and reports
 * every problem, so callers that check more fields (a membership) can report them all at once.
 */
export function checkUserInput(
  input: NewUser,
  mode: 'create' | 'update',
  country = 'US',
): { values: CheckedUser; problems: ProblemDetail[] } {
  const problems: ProblemDetail[] = [];
  const values: CheckedUser = {};
  if (mode === 'create' || input.email !== undefined) {
    const email = typeof input.email === 'string' ? userEmail(input.email) : null;
    if (email) values.email = email;
    else problems.push({ path: 'email', problem: 'is not a valid email address' });
  }
  if (mode === 'create' || input.name !== undefined) {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (name === '' || name.length > 200)
      problems.push({ path: 'name', problem: 'is required (at most 200 characters)' });
    else values.name = name;
  }
  if (input.mobile === null || input.mobile === '') values.mobile = null;
  else if (input.mobile !== undefined) {
    const phone = typeof input.mobile === 'string' ? normalizePhone(input.mobile, country) : null;
    if (phone?.ok) values.mobile = phone.e164;
    else problems.push({ path: 'mobile', problem: phone && !phone.ok ? phone.problem : 'must be text' });
  }
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) problems.push({ path: 'password', problem });
    else values.password = input.password as string;
  }
  return { values, problems };
}

/** Creates a staff user (not yet a member of any studio). Email addresses are unique. */
export async function createUser(db: Db, clock: Clock, input: NewUser, country = 'US'): Promise<UserRow> {
  const { values, problems } = checkUserInput(input, 'create', country);
  if (problems.length > 0) throw validationError(problems, 'The user is not valid');
  const passwordHash = values.password !== undefined ? await hashPassword(values.password) : null;
  return insertUser(db, clock, values, passwordHash);
}

/** Inserts a checked user; the password is hashed by the caller, outside any transaction. */
export async function insertUser(
  db: Db,
  clock: Clock,
  values: CheckedUser,
  passwordHash: string | null,
): Promise<UserRow> {
  const at = clock.now().toISOString();
  try {
    return await db
      .insertInto('users')
      .values({
        email: values.email as string,
        name: values.name as string,
        mobile: values.mobile ?? null,
        password_hash: passwordHash,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (constraintKind(error) === 'unique') {
      throw conflict(`A user with the email ${values.email} already exists`, [
        { path: 'email', problem: 'is taken' },
      ]);
    }
    throw error;
  }
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function setPassword(db: Db, clock: Clock, userId: number, password: unknown): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw validationError([{ path: 'password', problem }]);
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password as string), updated_at: clock.now().toISOString() })
    .where('id', '=', userId)
    .execute();
}

/** Makes a user a member of a studio with a role, or changes the role of an existing member. */
export async function addMembership(
  db: Db,
  clock: Clock,
  studioId: number,
  userId: number,
  role: Role,
  departmentId: number | null = null,
): Promise<void> {
  if (!isRole(role))
    throw validationError([{ path: 'role', problem: `must be one of: ${ROLES.join(', ')}` }]);
  const at = clock.now().toISOString();
  await db
    .insertInto('memberships')
    .values({
      studio_id: studioId,
      user_id: userId,
      role,
      department_id: departmentId,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['studio_id', 'user_id']).doUpdateSet({ role, department_id: departmentId, updated_at: at }),
    )
    .execute();
}

export async function membershipsOf(db: Db, userId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('studios', 'studios.id', 'memberships.studio_id')
    .select([
      'studios.id as studio_id',
      'studios.name as studio_name',
      'studios.is_sandbox',
      'memberships.role',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('studios.name')
    .orderBy('studios.id')
    .execute();
}
