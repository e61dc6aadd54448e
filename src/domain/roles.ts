/**
 * Staff roles in a studio, highest first. An owner can do everything an admin can, an admin
 * everything staff can; the owner role itself is guarded by owners (docs/auth.md).
 */
export const ROLES = ['owner', 'admin', 'staff'] as const;

export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { staff: 1, admin: 2, owner: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** The weaker of two roles: what a token may do is capped by what its user may do today. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

/**
 * Why `actor` may not change a membership from `current` to `next` (null: no membership), or null
 * when it may. Owners and admins manage staff; only an owner may make someone an owner, or change
 * or remove a member who is one, so an admin can never take over or lock out the owners.
 */
export function membershipChangeRefusal(actor: Role, current: Role | null, next: Role | null): string | null {
  if (!roleAtLeast(actor, 'admin')) {
    return `Managing staff needs the admin or owner role; you are ${actor} in this studio`;
  }
  if ((current === 'owner' || next === 'owner') && actor !== 'owner') {
    return 'Only an owner may grant the owner role, or change or remove an owner';
  }
  return null;
}
