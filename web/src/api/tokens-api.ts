import type { ApiClient } from './api-client';
import type { Role } from './auth-api';

/** An API token as GET /tokens lists it: never its secret. */
export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly prefix: string;
  readonly role: Role;
  readonly user_id: number;
  readonly created_at: string;
  readonly last_used_at: string | null;
  readonly revoked_at: string | null;
}

export const listTokens = (api: ApiClient) => api.get<{ data: ApiToken[] }>('/tokens');

/** The answer holds the secret (`token`), this once. */
export const createToken = (api: ApiClient, name: string, role: Role) =>
  api.post<ApiToken & { token: string }>('/tokens', { name, role });

export const revokeToken = (api: ApiClient, id: number) => api.delete(`/tokens/${id}`);
