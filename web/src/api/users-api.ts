import type { ApiClient } from './api-client';
import type { Role } from './auth-api';

/** A staff member of the studio, as GET /users lists them. */
export interface StaffMember {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly department_id: number | null;
}

export interface NewStaffMember {
  email: string;
  name: string;
  role: Role;
  /** Only for a new user (at least 10 characters); an existing user keeps theirs. */
  password?: string;
}

export const listStaff = (api: ApiClient) => api.get<{ data: StaffMember[] }>('/users');

export const addStaff = (api: ApiClient, member: NewStaffMember) => api.post<StaffMember>('/users', member);

export const changeStaffRole = (api: ApiClient, id: number, role: Role) =>
  api.patch<StaffMember>(`/users/${id}`, { role });

/** null takes the member out of any department. */
export const changeStaffDepartment = (api: ApiClient, id: number, departmentId: number | null) =>
  api.patch<StaffMember>(`/users/${id}`, { department_id: departmentId });

/** The API refuses (409) removing yourself or the last owner, and says why. */
export const removeStaff = (api: ApiClient, id: number) => api.delete(`/users/${id}`);
