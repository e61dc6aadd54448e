import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { roleAtLeast, type Role } from '../../domain/roles.js';

/** Who is calling, for which studio, with which role; set by the authenticate hook. */
export interface RequestAuth {
  userId: number;
  studioId: number;
  role: Role;
  via: 'session' | 'token';
  /** The login session's id hash, for sign-out and studio switching. */
  sessionId?: string;
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without signing in (sign-in itself, the OpenAPI document). */
    public?: boolean;
  }
}

export function authOf(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError('ERR_UNAUTHENTICATED', 'Sign in or send an API token');
  return request.auth;
}

/** Throws 403 unless the caller's role in the studio is at least `role`. */
export function requireRole(request: FastifyRequest, role: Role): RequestAuth {
  const auth = authOf(request);
  if (!roleAtLeast(auth.role, role)) {
    throw new AppError('ERR_FORBIDDEN', `This needs the ${role} role; you are ${auth.role} in this studio`);
  }
  return auth;
}
