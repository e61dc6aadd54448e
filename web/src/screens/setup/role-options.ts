import type { Role } from '../../api/auth-api';

/** The roles, lowest first, as a role select offers them. */
export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: 'staff', label: 'Staff' },
  { value: 'admin', label: 'Admin' },
  { value: 'owner', label: 'Owner' },
];
