import type { Transaction } from 'kysely';
import type { Clock } from '../domain/clock.js';
import { AppError, conflict, notFound, validationError } from '../domain/errors.js';
import { hashPassword } from '../domain/password-hash.js';
import { isRole, membershipChangeRefusal, ROLES, type Role } from '../domain/roles.js';
import { revokeApiTokensOf } from './api-tokens.js';
import type { Db } from './database.js';
import { endLoginSessionsInStudio } from './login-sessions.js';
import type { Database } from './schema.js';
import { constraintKind } from './sql-errors.js';
import { checkDepartment, checkRole, objectBody, unknownFields } from './member-input.js';
import type { StudioContext } from './studio-context.js';
import { checkUserInput, findUserByEmail, insertUser } from './users.js';

/** A staff member as the API shows them: the user and their membership of this studio. */
export interface MemberJson {
  id: number;
  email: string;
  name: string;
  mobile: string | null;
  role: Role;
  department_id: number | null;
}

function members(db: Db, studioId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.mobile',
      'memberships.role',
      'memberships.department_id',
    ])
    .where('memberships.studio_id', '=', studioId);
}

export async function listMembers(db: Db, studioId: number): Promise<MemberJson[]> {
  return members(db, studioId).orderBy('users.name').orderBy('users.id').execute();
}

/** A member of the studio; a user who is not one (of another studio, or none) is simply not found. */
export async function getMember(db: Db, studioId: number, userId: number): Promise<MemberJson> {
  const row = await members(db, studioId).where('users.id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('User', userId);
  return row;
}

/**
 * Adds a staff member: creates the user when the email is new, or makes an existing user (who may
 * work for other studios too) a member. An existing user's name, mobile and password are theirs and
 * are not changed by this studio; a password for them is refused rather than silently ignored.
 */
export async function addMember(
  db: Db,
  clock: Clock,
  studio: StudioContext,
  actorRole: Role,
  input: unknown,
): Promise<MemberJson> {
  const body = objectBody(input);
  const problems = unknownFields(body, ['email', 'name', 'mobile', 'password', 'role', 'department_id']);
  const role = checkRole(body.role ?? 'staff', actorRole, null, problems);
  const departmentId = await checkDepartment(db, studio.id, body.department_id, problems);
  const user = checkUserInput(
    { email: body.email, name: body.name, mobile: body.mobile, password: body.password },
    'create',
    studio.country,
  );
  const existing = user.values.email ? await findUserByEmail(db, user.values.email) : undefined;
  if (!existing) problems.push(...user.problems);
  else if (body.password !== undefined) {
    problems.push({ path: 'password', problem: 'cannot be set for an existing user, who keeps their own' });
  }
  if (problems.length > 0) throw validationError(problems, 'The staff member is not valid');
  const passwordHash = !existing && user.values.password ? await hashPassword(user.values.password) : null;
  const at = clock.now().toISOString();
  const userId = await db.transaction().execute(async (trx) => {
    await lockStudio(trx, studio.id);
    const id = existing?.id ?? (await insertUser(trx, clock, user.values, passwordHash)).id;
    try {
      await trx
        .insertInto('memberships')
        .values({
          studio_id: studio.id,
          user_id: id,
          role,
          department_id: departmentId ?? null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    } catch (error) {
      if (constraintKind(error) !== 'unique') throw error;
      throw conflict(`${user.values.email} is already a member of this studio`, [
        { path: 'email', problem: 'is already a member' },
      ]);
    }
    return id;
  });
  return getMember(db, studio.id, userId);
}

/**
 * Changes a member's role and department, and their name and mobile while this is the only studio
 * they work for (otherwise the account is shared with studios this one does not manage). The last
 * owner keeps the owner role, so a studio is never left without someone who can manage owners.
 */
export async function changeMember(
  db: Db,
  clock: Clock,
  studio: StudioContext,
  actorRole: Role,
  userId: number,
  input: unknown,
): Promise<MemberJson> {
  const body = objectBody(input);
  const problems = unknownFields(body, ['name', 'mobile', 'role', 'department_id', 'email', 'password']);
  if (body.email !== undefined)
    problems.push({ path: 'email', problem: 'is how the person signs in and cannot be changed here' });
  if (body.password !== undefined)
    problems.push({ path: 'password', problem: 'is changed by its owner (PUT /api/v1/auth/password)' });
  const profile = checkUserInput(
    { email: undefined, name: body.name, mobile: body.mobile },
    'update',
    studio.country,
  );
  problems.push(...profile.problems);
  if (body.role !== undefined && !isRole(body.role))
    problems.push({ path: 'role', problem: `must be one of: ${ROLES.join(', ')}` });
  const departmentId = await checkDepartment(db, studio.id, body.department_id, problems);
  if (problems.length > 0) throw validationError(problems, 'The staff member is not valid');
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await lockStudio(trx, studio.id);
    const current = await membershipOf(trx, studio.id, userId);
    const role = (body.role as Role | undefined) ?? current.role;
    const refusal = membershipChangeRefusal(actorRole, current.role, role);
    if (refusal) throw new AppError('ERR_FORBIDDEN', refusal);
    if (current.role === 'owner' && role !== 'owner') await keepAnOwner(trx, studio.id, 'demoted');
    const profileChanges = Object.keys(profile.values).length > 0;
    if (profileChanges) await requireOnlyThisStudio(trx, studio.id, userId, Object.keys(profile.values));
    await trx
      .updateTable('memberships')
      .set({ role, ...(departmentId !== undefined ? { department_id: departmentId } : {}), updated_at: at })
      .where('studio_id', '=', studio.id)
      .where('user_id', '=', userId)
      .execute();
    if (profileChanges) {
      await trx
        .updateTable('users')
        .set({ ...profile.values, updated_at: at })
        .where('id', '=', userId)
        .execute();
    }
  });
  return getMember(db, studio.id, userId);
}

/**
 * Removes a member from the studio (the user stays: they may work for other studios). Their
 * sessions in this studio end and their tokens for it are revoked, so that adding them back later
 * does not revive old credentials. Nobody removes themselves: one click would lock them out of the
 * studio mid-session with no way back, so leaving is done by another owner or admin.
 */
export async function removeMember(
  db: Db,
  clock: Clock,
  studioId: number,
  actor: { userId: number; role: Role },
  userId: number,
): Promise<void> {
  if (actor.userId === userId) {
    throw conflict('You cannot remove yourself from the studio; another owner or admin can', [
      { path: '', problem: 'is you' },
    ]);
  }
  const actorRole = actor.role;
  await db.transaction().execute(async (trx) => {
    await lockStudio(trx, studioId);
    const current = await membershipOf(trx, studioId, userId);
    const refusal = membershipChangeRefusal(actorRole, current.role, null);
    if (refusal) throw new AppError('ERR_FORBIDDEN', refusal);
    if (current.role === 'owner') await keepAnOwner(trx, studioId, 'removed');
    await trx
      .deleteFrom('memberships')
      .where('studio_id', '=', studioId)
      .where('user_id', '=', userId)
      .execute();
    await endLoginSessionsInStudio(trx, userId, studioId);
    await revokeApiTokensOf(trx, clock, studioId, userId);
  });
}

type Trx = Transaction<Database>;

/**
 * Serialises membership changes of one studio. "Is there another owner?" followed by a demotion is
 * a read-then-write: on PostgreSQL two owners demoting each other at once would both see the other
 * and leave none. A no-op update of the studio row takes its row lock until commit; on SQLite the
 * transaction already holds the write lock (BEGIN IMMEDIATE), and the update is harmless.
 */
async function lockStudio(trx: Trx, studioId: number): Promise<void> {
  await trx
    .updateTable('studios')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', studioId)
    .execute();
}

async function membershipOf(trx: Trx, studioId: number, userId: number) {
  const row = await trx
    .selectFrom('memberships')
    .select('role')
    .where('studio_id', '=', studioId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw notFound('User', userId);
  return row;
}

async function keepAnOwner(trx: Trx, studioId: number, change: 'demoted' | 'removed'): Promise<void> {
  const owners = await trx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('studio_id', '=', studioId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  if (Number(owners.n) <= 1) {
    throw conflict(`The last owner of a studio cannot be ${change}; make someone else an owner first`, [
      { path: change === 'demoted' ? 'role' : '', problem: 'is the last owner' },
    ]);
  }
}

async function requireOnlyThisStudio(trx: Trx, studioId: number, userId: number, fields: string[]) {
  const elsewhere = await trx
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('studio_id', '!=', studioId)
    .executeTakeFirst();
  if (elsewhere) {
    throw conflict(
      'This person also works for other studios; their name and mobile can only be changed by them',
      fields.map((path) => ({ path, problem: 'is shared with other studios' })),
    );
  }
}
