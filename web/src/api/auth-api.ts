import type { ApiClient } from './api-client';

export type Role = 'owner' | 'admin' | 'staff';

export interface StudioSummary {
  readonly id: number;
  readonly name: string;
  readonly is_sandbox: boolean;
}

/** GET /auth/me: who is signed in, the current studio and every studio they belong to. */
export interface Caller {
  readonly user: { id: number; email: string; name: string };
  readonly studio: StudioSummary;
  readonly role: Role;
  readonly studios: readonly (StudioSummary & { role: Role })[];
  readonly csrf_token: string | null;
}

export const signIn = (api: ApiClient, email: string, password: string) =>
  api.post<Caller>('/auth/login', { email, password });

export const signOut = (api: ApiClient) => api.post<void>('/auth/logout');

export const getMe = (api: ApiClient) => api.get<Caller>('/auth/me');

export const switchStudio = (api: ApiClient, studioId: number) =>
  api.put<Caller>('/auth/studio', { studio_id: studioId });

/** Owners and admins change settings such as triggers; staff read them. */
export const canChangeSettings = (role: Role) => role === 'owner' || role === 'admin';
