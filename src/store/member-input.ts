/** Checks of a staff member's fields (a user and their membership) that need no transaction. */
import { AppError, validationError, type ProblemDetail } from '../domain/errors.js';
import { isRole, membershipChangeRefusal, ROLES, type Role } from '../domain/roles.js';
import type { Db } from './database.js';
import { loose } from './record-table.js';

export function objectBody(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw validationError([{ path: '', problem: 'must be a JSON object' }]);
  return input as Record<string, unknown>;
}

export function unknownFields(body: Record<string, unknown>, known: readonly string[]): ProblemDetail[] {
  return Object.keys(body)
    .filter((key) => !known.includes(key))
    .map((path) => ({ path, problem: 'is not a field of a staff member' }));
}

/** A role to hand out; one the actor may not hand out is a 403, not a problem of the input. */
export function checkRole(
  role: unknown,
  actorRole: Role,
  current: Role | null,
  problems: ProblemDetail[],
): Role {
  if (!isRole(role)) {
    problems.push({ path: 'role', problem: `must be one of: ${ROLES.join(', ')}` });
    return 'staff';
  }
  const refusal = membershipChangeRefusal(actorRole, current, role);
  if (refusal) throw new AppError('ERR_FORBIDDEN', refusal);
  return role;
}

/** A department of this studio (a department of another studio is reported as missing), or null. */
export async function checkDepartment(
  db: Db,
  studioId: number,
  value: unknown,
  problems: ProblemDetail[],
): Promise<number | null | undefined> {
  if (value === undefined || value === null) return value;
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    problems.push({ path: 'department_id', problem: 'must be an id (a positive whole number) or null' });
    return undefined;
  }
  const row = await loose(db)
    .selectFrom('departments')
    .select('id')
    .where('studio_id', '=', studioId)
    .where('id', '=', value)
    .executeTakeFirst();
  if (!row)
    problems.push({
      path: 'department_id',
      problem: `refers to department ${String(value)}, which does not exist`,
    });
  return value as number;
}
