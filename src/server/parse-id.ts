import type { FastifyRequest } from 'fastify';
import { validationError } from '../domain/errors.js';

/**
 * A path parameter (`:id` unless named) as a number; anything but a positive whole number is a
 * 400 naming the parameter.
 */
export function parseId(request: FastifyRequest, name = 'id'): number {
  const raw = (request.params as Record<string, string>)[name] ?? '';
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1)
    throw validationError([{ path: name, problem: 'must be a positive whole number' }]);
  return Number(raw);
}
